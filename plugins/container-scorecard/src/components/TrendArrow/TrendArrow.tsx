import { makeStyles } from '@material-ui/core/styles';
import ArrowUpward from '@material-ui/icons/ArrowUpward';
import ArrowDownward from '@material-ui/icons/ArrowDownward';
import ArrowForward from '@material-ui/icons/ArrowForward';
import { formatDelta } from '../../presentation';

const useStyles = makeStyles(theme => ({
  root: { display: 'inline-flex', alignItems: 'center', gap: 2 },
  up: { color: theme.palette.success.main },
  down: { color: theme.palette.error.main },
  flat: { color: theme.palette.text.secondary },
}));

/** Score change over the period: an arrow and the signed number, described for screen readers. @public */
export const TrendArrow = (props: { delta?: number }) => {
  const classes = useStyles();
  const { delta } = props;
  if (delta === undefined) {
    return <span aria-label="no trend">–</span>;
  }
  const rounded = Math.round(delta);
  let icon = <ArrowForward fontSize="small" className={classes.flat} />;
  let description = 'unchanged';
  if (rounded > 0) {
    icon = <ArrowUpward fontSize="small" className={classes.up} />;
    description = `up ${rounded} points`;
  } else if (rounded < 0) {
    icon = <ArrowDownward fontSize="small" className={classes.down} />;
    description = `down ${-rounded} points`;
  }
  return (
    <span className={classes.root} aria-label={description} title={description}>
      <span aria-hidden="true">{icon}</span>
      <span aria-hidden="true">{formatDelta(delta)}</span>
    </span>
  );
};
