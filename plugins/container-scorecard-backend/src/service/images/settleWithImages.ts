import {
  SEVERITIES,
  aggregateFileResults,
  settleBaseImageUsers,
  type ImageResult,
  type RepositoryResult,
  type SeverityCounts,
} from '@container-scorecard/plugin-container-scorecard-common';

/**
 * The definitions' result once the registry has answered what they could not know: a Dockerfile
 * reported for running as its base image's unknown user is settled by that image's `User`
 * (`settleBaseImageUsers`). Images that could not be inspected settle nothing, so when every
 * registry refuses, the result is the very one a scan without images gives.
 */
export function settleWithImages(
  analysis: RepositoryResult,
  images: readonly ImageResult[],
): RepositoryResult {
  const { results, settlements } = settleBaseImageUsers(analysis.files, images);
  if (settlements.length === 0) return analysis;
  return {
    ...analysis,
    files: results,
    aggregate: aggregateFileResults(results),
  };
}

/**
 * The entity's severity counts with its inspected images' findings added: the team view and the
 * report count image findings like the definitions' (docs/images.md). Failed inspections have
 * no findings and add nothing. The entity's score stays the definitions' score.
 */
export function countsWithImages(
  counts: SeverityCounts,
  images: readonly ImageResult[],
): SeverityCounts {
  const total = { ...counts };
  for (const image of images) {
    for (const severity of SEVERITIES)
      total[severity] += image.counts[severity];
  }
  return total;
}
