import { NotAllowedError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { RepositoryReader } from '../reading/createRepositoryReader';
import { readLocalTree } from '../reading/readLocalTree';
import { DEFAULT_READ_LIMITS } from '../reading/readLimits';

/** The part of `path` below `root`, or undefined when it lies outside. */
export function pathBelow(root: string, path: string): string | undefined {
  const rel = relative(root, path);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) {
    return undefined;
  }
  return rel;
}

/**
 * Reads `file:` sources inside the examples folder from a materialised revision of it instead,
 * with the same limits as a scan: the entity keeps its catalog locations and the real reading
 * code reads the files as they were. Anything else has no past here and is refused.
 */
export function createRevisionReader(options: {
  examplesRoot: string;
  revisionRoot: string;
  maxFileBytes: number;
  maxRepositoryFiles?: number;
  maxEntityBytes?: number;
}): RepositoryReader {
  return {
    async read(source, { etag, signal }) {
      // The catalog may name the folder through a link; the examples root is a real path.
      const below =
        source.type === 'file'
          ? pathBelow(
              options.examplesRoot,
              await fs.realpath(source.target).catch(() => source.target),
            )
          : undefined;
      if (below === undefined) {
        throw new NotAllowedError(
          `${source.target} is not in the examples folder, which is all the demo history covers`,
        );
      }
      return readLocalTree(
        join(options.revisionRoot, below),
        [options.revisionRoot],
        {
          etag,
          signal,
          paths: source.paths,
          maxFileBytes: options.maxFileBytes,
          maxRepositoryFiles:
            options.maxRepositoryFiles ??
            DEFAULT_READ_LIMITS.maxRepositoryFiles,
          maxEntityBytes:
            options.maxEntityBytes ?? DEFAULT_READ_LIMITS.maxEntityBytes,
        },
      );
    },
  };
}
