import type { LimitReached } from '@container-scorecard/plugin-container-scorecard-common';
import type { ReadLimits } from './types';

/** The reading limits used when `containerScorecard.limits` does not set them. */
export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxFileBytes: 1024 * 1024,
  maxRepositoryFiles: 20_000,
  maxEntityBytes: 20 * 1024 * 1024,
};

/** A local walk goes at most this many directories deep, whatever the repository holds. */
export const MAX_WALK_DEPTH = 12;

/** Bytes read from the head of an oversized YAML file to tell whether it is a workload. */
export const PEEK_BYTES = 64 * 1024;

/**
 * The notice for a repository with more entries than `maxRepositoryFiles`. `exact` is false when
 * counting what was left out stopped too (the count is then a lower bound, and says so).
 */
export function repositoryFilesReached(
  max: number,
  omitted: number,
  exact: boolean,
): LimitReached {
  const count = exact ? `${omitted}` : `at least ${omitted}`;
  return {
    limit: 'repository-files',
    message:
      `Only the first ${max} entries of the repository were looked at ` +
      `(containerScorecard.limits.maxRepositoryFiles): ${count} more were not, ` +
      'so container definitions among them are missing from this result',
    omitted,
  };
}

/** The notice for directories nested deeper than the walk goes. */
export function repositoryDepthReached(omitted: number): LimitReached {
  return {
    limit: 'repository-depth',
    message: `${omitted} ${
      omitted === 1 ? 'directory' : 'directories'
    } nested more than ${MAX_WALK_DEPTH} levels deep ${
      omitted === 1 ? 'was' : 'were'
    } not looked at`,
    omitted,
  };
}

/** The notice for candidate files left unread because the entity's byte budget was spent. */
export function entityBytesReached(max: number, omitted: number): LimitReached {
  return {
    limit: 'entity-bytes',
    message:
      `${omitted} candidate ${
        omitted === 1 ? 'file was' : 'files were'
      } not read: ` +
      `the entity's files exceed containerScorecard.limits.maxEntityBytes (${max} bytes)`,
    omitted,
  };
}
