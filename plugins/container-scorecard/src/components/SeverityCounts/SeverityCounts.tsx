import { makeStyles } from '@material-ui/core/styles';
import type {
  ApiSeverity,
  SeverityCounts as Counts,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  SEVERITY_COLOURS,
  SEVERITY_ORDER,
  severityLabel,
} from '../../presentation';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1),
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  chip: {
    whiteSpace: 'nowrap',
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    padding: theme.spacing(0.25, 1),
    borderRadius: 12,
    fontSize: '0.8125rem',
  },
  zero: {
    border: `1px solid ${theme.palette.divider}`,
    color: theme.palette.text.secondary,
  },
}));

/** A severity tag in its colour, e.g. in a finding's heading. @public */
export const SeverityTag = (props: {
  severity: ApiSeverity;
  count?: number;
}) => {
  const classes = useStyles();
  const { severity, count } = props;
  const colours = SEVERITY_COLOURS[severity];
  return (
    <span
      className={classes.chip}
      style={{ background: colours.background, color: colours.text }}
    >
      {count === undefined ? severityLabel(severity) : `${count} ${severity}`}
    </span>
  );
};

/** Open findings counted by severity, worst first; zero counts stay visible but muted. @public */
export const SeverityCounts = (props: { counts: Counts }) => {
  const classes = useStyles();
  return (
    <ul className={classes.list} aria-label="Open findings by severity">
      {SEVERITY_ORDER.map(severity => {
        const count = props.counts[severity] ?? 0;
        if (count === 0) {
          return (
            <li key={severity} className={`${classes.chip} ${classes.zero}`}>
              0 {severity}
            </li>
          );
        }
        return (
          <li key={severity}>
            <SeverityTag severity={severity} count={count} />
          </li>
        );
      })}
    </ul>
  );
};
