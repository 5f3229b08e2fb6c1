import { Gauge } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';

/**
 * Backstage's Gauge draws its number at 45 px, bold, inside a ring 80% of its box wide whose
 * stroke takes 12% of it on each side: the hole is 0.608 of the box. Three digits ("100") are
 * about 76 px wide, so a box under 125 px lets them spill over the ring; 150 px leaves a margin.
 */
export const SCORE_GAUGE_WIDTH_PX = 150;

const useStyles = makeStyles({
  root: { width: SCORE_GAUGE_WIDTH_PX, flexShrink: 0 },
});

/** An entity's 0–100 score as a ring, wide enough for every score to sit inside it. */
export function ScoreGauge(props: { score: number }) {
  const classes = useStyles();
  return (
    <div className={classes.root} data-testid="score-gauge">
      <Gauge
        value={Math.round(props.score)}
        fractional={false}
        max={100}
        unit=""
        description="score out of 100"
      />
    </div>
  );
}
