import { UrlReaderService } from '@backstage/backend-plugin-api';
import { readLocalTree } from './readLocalTree';
import { DEFAULT_READ_LIMITS } from './readLimits';
import { readUrlTree } from './readUrlTree';
import { retryRead } from './retryRead';
import type { RepositoryTree } from './types';

/** Reads one entity's candidate files from wherever its source lives. */
export interface RepositoryReader {
  /**
   * Throws `NotModifiedError` when `etag` still matches, and the last error (after retries)
   * when the tree cannot be read.
   */
  read(
    source: { type: 'url' | 'file'; target: string; paths?: string[] },
    options: { etag?: string; signal?: AbortSignal },
  ): Promise<RepositoryTree>;
}

/** Routes `url:` sources to the URL readers and `file:` sources to the disk, with retries. */
export function createRepositoryReader(deps: {
  urlReader: UrlReaderService;
  localRoots: string[];
  maxFileBytes: number;
  /** Entries looked at per repository; default `DEFAULT_READ_LIMITS.maxRepositoryFiles`. */
  maxRepositoryFiles?: number;
  /** Content bytes read per entity; default `DEFAULT_READ_LIMITS.maxEntityBytes`. */
  maxEntityBytes?: number;
  retry: { attempts: number; baseDelayMs: number };
}): RepositoryReader {
  return {
    read(source, options) {
      const treeOptions = {
        etag: options.etag,
        signal: options.signal,
        paths: source.paths,
        maxFileBytes: deps.maxFileBytes,
        maxRepositoryFiles:
          deps.maxRepositoryFiles ?? DEFAULT_READ_LIMITS.maxRepositoryFiles,
        maxEntityBytes:
          deps.maxEntityBytes ?? DEFAULT_READ_LIMITS.maxEntityBytes,
      };
      return retryRead(
        () =>
          source.type === 'file'
            ? readLocalTree(source.target, deps.localRoots, treeOptions)
            : readUrlTree(deps.urlReader, source.target, treeOptions),
        {
          ...deps.retry,
          signal: options.signal,
          isFinal: error => (error as Error)?.name === 'NotModifiedError',
        },
      );
    },
  };
}
