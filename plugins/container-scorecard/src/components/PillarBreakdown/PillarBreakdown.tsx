import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ApiPillar,
  PillarScores,
} from '@container-scorecard/plugin-container-scorecard-common';
import { PILLAR_TITLES } from '../../presentation';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', margin: 0, padding: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(12rem, 18rem) 1fr 3rem',
    alignItems: 'center',
    gap: theme.spacing(1),
    marginBottom: theme.spacing(0.5),
  },
}));

/**
 * Sub-score per pillar, one labelled bar each. Pillars without an applicable rule have no
 * sub-score and are left out rather than shown as 100.
 *
 * @public
 */
export const PillarBreakdown = (props: { scores?: PillarScores }) => {
  const classes = useStyles();
  const entries = (Object.keys(PILLAR_TITLES) as ApiPillar[])
    .filter(pillar => props.scores?.[pillar] !== undefined)
    .map(pillar => ({ pillar, score: Math.round(props.scores![pillar]!) }));
  if (entries.length === 0) {
    return null;
  }
  return (
    <ul className={classes.list} aria-label="Score by pillar">
      {entries.map(({ pillar, score }) => (
        <li key={pillar} className={classes.row}>
          <Typography variant="body2" id={`pillar-${pillar}`}>
            {PILLAR_TITLES[pillar]}
          </Typography>
          <LinearProgress
            variant="determinate"
            value={score}
            aria-labelledby={`pillar-${pillar}`}
            color={score >= 75 ? 'primary' : 'secondary'}
          />
          <Typography variant="body2" align="right">
            {score}
          </Typography>
        </li>
      ))}
    </ul>
  );
};
