import {
  kustomizeJsonPatchPaths,
  oversizedYamlKind,
} from '@container-scorecard/plugin-container-scorecard-common';
import { NotAllowedError, NotModifiedError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isAbsolute } from 'node:path';
import { ByteBudget, compareReadPriority } from './byteBudget';
import { createCandidateFilter, MAX_JSON_PATCH_BYTES } from './candidateFiles';
import { readFileHead } from './readFileHead';
import { PEEK_BYTES } from './readLimits';
import type { ReadTreeOptions, RepositoryTree, TreeFile } from './types';
import {
  isInside,
  walkLocalTree,
  yieldToEventLoop,
  type LocalCandidate,
} from './walkLocalTree';

/**
 * One answer for every location that is not an existing, readable directory inside a configured
 * root: whether a path exists on the backend's disk is none of an annotation author's business.
 */
function notAllowed(directory: string): NotAllowedError {
  return new NotAllowedError(
    `file location ${directory} is not allowed or not readable`,
  );
}

/** Resolves links and checks the directory lies inside one of the roots; returns both. */
async function resolveInsideRoots(
  directory: string,
  roots: readonly string[],
): Promise<{ realDirectory: string; root: string }> {
  if (!isAbsolute(directory)) throw notAllowed(directory);
  const realRoots = await Promise.all(
    roots.map(root => fs.realpath(root).catch(() => undefined)),
  );
  const realDirectory = await fs.realpath(directory).catch(() => undefined);
  const root =
    realDirectory && realRoots.find(r => r && isInside(r, realDirectory));
  if (!realDirectory || !root) throw notAllowed(directory);
  const stat = await fs.stat(realDirectory).catch(() => undefined);
  if (!stat?.isDirectory()) throw notAllowed(directory);
  return { realDirectory, root };
}

/**
 * Reads the candidate files of a directory, for `file:` locations (development, the demo).
 *
 * Only directories inside one of `roots` are read, judged after resolving symbolic links, so
 * neither `..` nor a link can lead outside; links inside the tree are followed only to files that
 * are themselves inside the same root. The ETag hashes paths, sizes and modification times.
 * Contents are read one file at a time, highest priority first, until the entity's byte budget is
 * spent; every limit reached is listed in `limitsReached`.
 */
export async function readLocalTree(
  directory: string,
  roots: readonly string[],
  options: ReadTreeOptions,
): Promise<RepositoryTree> {
  if (roots.length === 0) {
    throw new NotAllowedError(
      'file: locations are not read: containerScorecard.localRoots is not configured',
    );
  }
  const { realDirectory, root } = await resolveInsideRoots(directory, roots);

  const walk = await walkLocalTree({
    directory: realDirectory,
    root,
    decide: createCandidateFilter(options),
    maxEntries: options.maxRepositoryFiles,
    signal: options.signal,
  }).catch(error => {
    // A directory that vanished or cannot be listed: the same answer as for any other.
    if (typeof error?.code === 'string') throw notAllowed(directory);
    throw error;
  });

  const hash = createHash('sha256');
  for (const file of [...walk.candidates].sort((a, b) =>
    a.path.localeCompare(b.path),
  )) {
    hash.update(`${file.path}\u0000${file.size}\u0000${file.mtimeMs}\n`);
  }
  for (const file of walk.oversized) {
    hash.update(`${file.path}\u0000${file.size}\u00000\n`);
  }
  for (const file of walk.refused) hash.update(`${file.path}\u0000refused\n`);
  const etag = `local-${hash.digest('hex').slice(0, 40)}`;
  if (options.etag === etag) throw new NotModifiedError();

  const { files, oversized, budget } = await readCandidates(
    walk.candidates,
    options,
  );
  oversized.push(...walk.oversized);
  files.sort((a, b) => a.path.localeCompare(b.path));
  oversized.sort((a, b) => a.path.localeCompare(b.path));
  const limitsReached = [...walk.limitsReached];
  const bytesReached = budget.limitReached();
  if (bytesReached) limitsReached.push(bytesReached);
  return {
    etag,
    files,
    oversized,
    ...(walk.refused.length > 0 ? { refused: walk.refused } : {}),
    ...(limitsReached.length > 0 ? { limitsReached } : {}),
  };
}

/**
 * Reads contents one file at a time in priority order (see `readPriority`), so no more than
 * the entity's byte budget is ever read, and only the head of an oversized YAML file.
 */
async function readCandidates(
  candidates: LocalCandidate[],
  options: ReadTreeOptions,
) {
  const budget = new ByteBudget(options.maxEntityBytes);
  const files: TreeFile[] = [];
  const oversized: RepositoryTree['oversized'] = [];
  const ordered = [...candidates].sort((a, b) =>
    compareReadPriority(a.path, b.path),
  );
  const references: LocalCandidate[] = [];
  for (const file of ordered) {
    options.signal?.throwIfAborted();
    if (file.decision === 'reference') {
      references.push(file);
      continue;
    }
    if (file.decision === 'list') {
      files.push({ path: file.path });
      continue;
    }
    if (file.decision === 'peek') {
      const head = Math.min(file.size, PEEK_BYTES);
      if (!budget.admit(file.path, head)) continue;
      const text = (await readFileHead(file.absolute, head)).toString('utf8');
      const kind = oversizedYamlKind(text);
      if (kind) oversized.push({ path: file.path, size: file.size, kind });
      continue;
    }
    if (!budget.admit(file.path, file.size)) continue;
    // One byte more than measured tells a file that grew since; it is read again, up to the limit.
    let bytes = await readFileHead(
      file.absolute,
      Math.min(file.size, options.maxFileBytes) + 1,
    );
    if (bytes.length > file.size) {
      bytes = await readFileHead(file.absolute, options.maxFileBytes + 1);
    }
    if (bytes.length > options.maxFileBytes) {
      oversized.push({ path: file.path, size: bytes.length });
    } else {
      files.push({ path: file.path, content: bytes.toString('utf8') });
    }
    await yieldToEventLoop();
  }
  // Small JSON files are read only when a kustomization names them (a JSON 6902 patch).
  const wanted = new Set(
    kustomizeJsonPatchPaths(new Map(files.map(f => [f.path, f.content]))),
  );
  for (const file of references) {
    if (!wanted.has(file.path) || !budget.admit(file.path, file.size)) continue;
    const bytes = await readFileHead(file.absolute, MAX_JSON_PATCH_BYTES + 1);
    if (bytes.length <= MAX_JSON_PATCH_BYTES)
      files.push({ path: file.path, content: bytes.toString('utf8') });
  }
  return { files, oversized, budget };
}
