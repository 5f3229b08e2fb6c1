import type { LimitReached } from '@container-scorecard/plugin-container-scorecard-common';
import { promises as fs, type Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { IGNORED_DIRECTORIES, type CandidateDecision } from './candidateFiles';
import {
  MAX_WALK_DEPTH,
  repositoryDepthReached,
  repositoryFilesReached,
} from './readLimits';

/** A candidate file found on disk, not read yet. */
export interface LocalCandidate {
  /** Relative to the walked directory, with `/` separators. */
  path: string;
  /** The file to read: the link's target for symbolic links. */
  absolute: string;
  size: number;
  mtimeMs: number;
  decision: 'read' | 'list' | 'peek' | 'reference';
}

/** What a walk found, and the limits it reached on the way. */
export interface LocalWalk {
  candidates: LocalCandidate[];
  oversized: { path: string; size: number }[];
  /** Definitions not read on purpose (links leading out of the root), with the reason. */
  refused: { path: string; reason: string }[];
  limitsReached: LimitReached[];
}

/** A huge directory must not hold the event loop: the walk yields after this many entries. */
const YIELD_EVERY = 256;

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return (
    rel === '' ||
    (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
  );
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

/**
 * Walks `directory` breadth-first, so the files near the root (where a service keeps its
 * Dockerfile) are seen before the limit on entries can cut a huge repository short. Looks at
 * most at `maxEntries` entries (files and directories), then only counts what it leaves out,
 * up to as many again, so the notice can say how much is missing. Symbolic links are followed
 * only to files inside `root`, never to directories (no loops). Only candidate files are
 * stat'ed. Throws the signal's reason once `signal` is aborted.
 */
export async function walkLocalTree(options: {
  directory: string;
  root: string;
  decide: (path: string, size?: number) => CandidateDecision;
  maxEntries: number;
  signal?: AbortSignal;
}): Promise<LocalWalk> {
  const { directory, root, decide, maxEntries, signal } = options;
  const candidates: LocalCandidate[] = [];
  const oversized: LocalWalk['oversized'] = [];
  const refused: LocalWalk['refused'] = [];
  const queue: ({ dir: string; depth: number } | undefined)[] = [
    { dir: directory, depth: 0 },
  ];
  let seen = 0;
  let beyondLimit = 0;
  let countedAll = true;
  let tooDeep = 0;

  async function consider(entry: Dirent, absolute: string, path: string) {
    if (!entry.isFile() && !entry.isSymbolicLink()) return;
    // The name decides first, so the other files of a huge repository cost no system call.
    const byName = decide(path);
    if (byName === 'skip') return;
    let target = absolute;
    if (entry.isSymbolicLink()) {
      target = await fs.realpath(absolute).catch(() => '');
      if (!target || !isInside(root, target)) {
        // Named like a definition, so its absence would read as "no definitions": say why instead.
        if (byName !== 'list' && byName !== 'reference') {
          refused.push({
            path,
            reason:
              'The file is a symbolic link that leads outside the allowed directories (or nowhere); it is not read.',
          });
        }
        return;
      }
    }
    const stat = await fs.stat(target).catch(() => undefined);
    if (!stat?.isFile()) return;
    const decision = decide(path, stat.size);
    if (decision === 'oversized') oversized.push({ path, size: stat.size });
    if (
      decision === 'read' ||
      decision === 'list' ||
      decision === 'peek' ||
      decision === 'reference'
    ) {
      candidates.push({
        path,
        absolute: target,
        size: stat.size,
        mtimeMs: stat.mtimeMs,
        decision,
      });
    }
  }

  for (let i = 0; i < queue.length && countedAll; i++) {
    const { dir, depth } = queue[i]!;
    queue[i] = undefined; // a long queue of finished directories is not kept
    signal?.throwIfAborted();
    for await (const entry of await fs.opendir(dir, { bufferSize: 128 })) {
      if (++seen % YIELD_EVERY === 0) {
        await yieldToEventLoop();
        signal?.throwIfAborted();
      }
      const limitReached = seen > maxEntries;
      if (limitReached && ++beyondLimit >= maxEntries) {
        countedAll = false; // counting stops too: the notice gives a lower bound
        break;
      }
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (IGNORED_DIRECTORIES.has(entry.name)) continue;
        if (depth + 1 <= MAX_WALK_DEPTH) {
          queue.push({ dir: absolute, depth: depth + 1 });
        } else if (!limitReached) tooDeep += 1;
        continue;
      }
      if (limitReached) continue;
      await consider(
        entry,
        absolute,
        relative(directory, absolute).split(sep).join('/'),
      );
    }
  }

  const limitsReached: LimitReached[] = [];
  if (beyondLimit > 0) {
    limitsReached.push(
      repositoryFilesReached(maxEntries, beyondLimit, countedAll),
    );
  }
  if (tooDeep > 0) limitsReached.push(repositoryDepthReached(tooDeep));
  return { candidates, oversized, refused, limitsReached };
}
