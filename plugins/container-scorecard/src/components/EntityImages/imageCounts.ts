import type {
  EntityScorecard,
  SeverityCounts,
} from '@container-scorecard/plugin-container-scorecard-common';
import { SEVERITY_ORDER } from '../../presentation';

function zeroCounts(): SeverityCounts {
  return { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
}

/** Open findings of the entity's inspected images, by severity (failed inspections have none). */
export function imageFindingCounts(
  scorecard: Pick<EntityScorecard, 'images'>,
): SeverityCounts {
  const total = zeroCounts();
  for (const image of scorecard.images?.results ?? []) {
    for (const severity of SEVERITY_ORDER)
      total[severity] += image.counts[severity] ?? 0;
  }
  return total;
}

/**
 * The entity's counts split into its definitions' and its images'. The backend adds image
 * findings to the entity's counts (so the team view and the report count them like the others),
 * while its score stays the definitions': a sentence about files must take them out again.
 */
export function splitCounts(
  scorecard: Pick<EntityScorecard, 'counts' | 'images'>,
): { definitions: SeverityCounts; images: SeverityCounts } {
  const images = imageFindingCounts(scorecard);
  const definitions = zeroCounts();
  for (const severity of SEVERITY_ORDER)
    definitions[severity] = Math.max(
      0,
      scorecard.counts[severity] - images[severity],
    );
  return { definitions, images };
}

/** How many findings counts hold in all. */
export function totalOf(counts: SeverityCounts): number {
  return SEVERITY_ORDER.reduce((n, severity) => n + counts[severity], 0);
}
