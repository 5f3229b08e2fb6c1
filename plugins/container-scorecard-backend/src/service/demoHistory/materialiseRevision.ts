import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { DemoRevision } from './loadRevisions';

/** A revision of the examples folder written out to disk; `remove` deletes it. */
export interface MaterialisedRevision {
  /** Stands for the examples folder: the same layout, as the repositories were then. */
  root: string;
  remove(): Promise<void>;
}

/**
 * Writes the examples folder as it was at `revision` into a fresh temporary folder: today's
 * files (without the history itself), then the revision's own files over them, then the paths
 * that did not exist yet taken away. Only the copy is touched, never the examples.
 */
export async function materialiseRevision(options: {
  examplesRoot: string;
  historyDirectory: string;
  revision: DemoRevision;
}): Promise<MaterialisedRevision> {
  const { examplesRoot, historyDirectory, revision } = options;
  const parent = await fs.mkdtemp(
    join(tmpdir(), 'container-scorecard-history-'),
  );
  const remove = () => fs.rm(parent, { recursive: true, force: true });
  try {
    const root = join(parent, 'examples');
    const history = resolve(historyDirectory);
    await fs.cp(examplesRoot, root, {
      recursive: true,
      filter: source => !isInsideOrEqual(history, resolve(source)),
    });
    await fs.cp(revision.directory, root, {
      recursive: true,
      filter: source =>
        resolve(source) !== resolve(revision.directory, 'revision.yaml'),
    });
    for (const path of revision.absent) {
      await fs.rm(join(root, path), { recursive: true, force: true });
    }
    return { root, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}

function isInsideOrEqual(directory: string, path: string): boolean {
  const rel = relative(directory, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
