import Typography from '@material-ui/core/Typography';
import type { EntityScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { imageFindingCounts, totalOf } from './imageCounts';

/**
 * Under an entity's severity counts: they include its images' findings (as the team view and the
 * report count them), while its score is its container definitions' alone. Without it the counts
 * would not add up to the files listed below them.
 */
export const ImageCountsNote = (props: {
  scorecard: Pick<EntityScorecard, 'images'>;
}) => {
  const count = totalOf(imageFindingCounts(props.scorecard));
  if (count === 0) return null;
  return (
    <Typography
      variant="caption"
      color="textSecondary"
      component="p"
      data-testid="image-counts-note"
      style={{ marginTop: 4 }}
    >
      Including {count} image finding{count === 1 ? '' : 's'}; the score is the
      container definitions&apos; alone.
    </Typography>
  );
};
