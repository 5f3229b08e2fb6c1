import {
  NotAllowedError,
  NotFoundError,
  NotModifiedError,
} from '@backstage/errors';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { createCandidateFilter, IGNORED_DIRECTORIES } from './candidateFiles';
import type { ReadTreeOptions, RepositoryTree, TreeFile } from './types';

/** A repository on disk is walked at most this deep and this wide, whatever it holds. */
const MAX_DEPTH = 12;
const MAX_ENTRIES = 20_000;

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return (
    rel === '' ||
    (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
  );
}

/**
 * Reads the candidate files of a directory, for `file:` locations (development, the demo).
 *
 * Only directories inside one of `roots` are read, judged after resolving symbolic links, so
 * neither `..` nor a link can lead outside; links inside the tree are followed only to files that
 * are themselves inside the same root. The ETag hashes paths, sizes and modification times.
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
  if (!isAbsolute(directory)) {
    throw new NotAllowedError(`${directory} is not an absolute path`);
  }
  const realRoots = await Promise.all(
    roots.map(root => fs.realpath(root).catch(() => undefined)),
  );
  let realDirectory: string;
  try {
    realDirectory = await fs.realpath(directory);
  } catch {
    throw new NotFoundError(`Directory ${directory} does not exist`);
  }
  const root = realRoots.find(r => r && isInside(r, realDirectory));
  if (!root) {
    throw new NotAllowedError(
      `${directory} is outside the directories configured in containerScorecard.localRoots`,
    );
  }

  const decide = createCandidateFilter(options);
  const found: {
    path: string;
    absolute: string;
    size: number;
    mtimeMs: number;
    list: boolean;
  }[] = [];
  const oversized: RepositoryTree['oversized'] = [];
  let entries = 0;

  async function walk(dir: string, depth: number): Promise<void> {
    if (depth > MAX_DEPTH) return;
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      if (++entries > MAX_ENTRIES) return;
      const absolute = join(dir, entry.name);
      const path = relative(realDirectory, absolute).split(sep).join('/');
      if (entry.isDirectory()) {
        if (IGNORED_DIRECTORIES.has(entry.name)) continue;
        await walk(absolute, depth + 1);
        continue;
      }
      // Links are never followed into directories (no loops) and only to files in the root.
      let target = absolute;
      if (entry.isSymbolicLink()) {
        target = await fs.realpath(absolute).catch(() => '');
        if (!target || !isInside(root!, target)) continue;
      } else if (!entry.isFile()) {
        continue;
      }
      const stat = await fs.stat(target).catch(() => undefined);
      if (!stat?.isFile()) continue;
      const decision = decide(path, stat.size);
      if (decision === 'oversized') oversized.push({ path, size: stat.size });
      if (decision === 'read' || decision === 'list') {
        found.push({
          path,
          absolute: target,
          size: stat.size,
          mtimeMs: stat.mtimeMs,
          list: decision === 'list',
        });
      }
    }
  }
  await walk(realDirectory, 0);

  found.sort((a, b) => a.path.localeCompare(b.path));
  const hash = createHash('sha256');
  for (const file of [
    ...found,
    ...oversized.map(o => ({ ...o, mtimeMs: 0 })),
  ]) {
    hash.update(`${file.path}\u0000${file.size}\u0000${file.mtimeMs}\n`);
  }
  const etag = `local-${hash.digest('hex').slice(0, 40)}`;
  if (options.etag === etag) throw new NotModifiedError();

  const files: TreeFile[] = [];
  for (const file of found) {
    files.push(
      file.list
        ? { path: file.path }
        : {
            path: file.path,
            content: await fs.readFile(file.absolute, 'utf8'),
          },
    );
  }
  return { etag, files, oversized };
}
