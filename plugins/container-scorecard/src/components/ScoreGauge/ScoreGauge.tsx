import { Gauge } from '@backstage/core-components';
import { makeStyles } from '@material-ui/core/styles';

/**
 * Backstage's Gauge draws its number at 45 px, bold, inside a ring 80% of its box wide whose
 * stroke takes 12% of it on each side: the hole is 0.608 of the box. A bold digit is up to 0.7 em
 * wide (DejaVu Sans, the fallback where Roboto is not installed), so "100" needs about 95 px: a
 * box under 156 px lets it spill over the ring (measured in Chromium); 170 px leaves a margin.
 */
export const SCORE_GAUGE_WIDTH_PX = 170;

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
