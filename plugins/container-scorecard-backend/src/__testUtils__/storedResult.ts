import type { ImageResult } from '@container-scorecard/plugin-container-scorecard-common';
import type { EntityResultInput } from '../database/types';

/** Severity counts of nothing found. */
export const noFindings = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };

/** An image whose registry did not answer: stored with its reason and no findings. */
export const unreachableImage: ImageResult = {
  reference: 'registry.test/team/worker:2',
  usedBy: ['kubernetes'],
  status: 'failed',
  reason: 'registry.test could not be reached: ECONNREFUSED',
  findings: [],
  counts: noFindings,
};

/**
 * An analysed result as a scan hands it to ScorecardStore.saveResult: a clean A with no files
 * and no images, so a store test states only what it is about (its images, its date) in
 * `overrides`.
 */
export function storedResult(
  entityRef: string,
  overrides: Partial<EntityResultInput> = {},
): EntityResultInput {
  return {
    entityRef,
    status: 'analysed',
    analysedAt: new Date('2026-12-01T10:00:00Z'),
    rulesetVersion: '1',
    score: 90,
    grade: 'A',
    counts: noFindings,
    files: [],
    sourceKey: 'url:x',
    ...overrides,
  };
}
