import { InputError } from '@backstage/errors';
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One earlier revision of the example repositories (a folder of `examples/history`). */
export interface DemoRevision {
  /** The folder holding `revision.yaml` and the files that differed from today's. */
  directory: string;
  /** How many days before the first start this revision was current. */
  daysAgo: number;
  summary: string;
  /** Paths (relative to the examples folder) that did not exist yet. */
  absent: string[];
}

const MAX_DAYS_AGO = 365;

/**
 * Reads the revisions under `historyDirectory`, oldest first. Each sub-folder holds a
 * `revision.yaml` (`daysAgo`, `summary`, `absent`) and, beside it, the files that differed from
 * today's, at the paths they have in the examples folder. A malformed revision is an
 * `InputError` naming the file: a demo that silently skipped one would show a made-up trend.
 */
export async function loadRevisions(
  historyDirectory: string,
): Promise<DemoRevision[]> {
  const entries = await fs.readdir(historyDirectory, { withFileTypes: true });
  const revisions: DemoRevision[] = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const directory = join(historyDirectory, entry.name);
    const file = join(directory, 'revision.yaml');
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      throw new InputError(
        `${file} is missing: every revision folder needs one`,
      );
    }
    revisions.push(parseRevision(parse(text), directory, file));
  }
  revisions.sort((a, b) => b.daysAgo - a.daysAgo);
  for (let i = 1; i < revisions.length; i++) {
    if (revisions[i].daysAgo === revisions[i - 1].daysAgo) {
      throw new InputError(
        `Two revisions in ${historyDirectory} are ${revisions[i].daysAgo} days old`,
      );
    }
  }
  return revisions;
}

function parseRevision(
  value: unknown,
  directory: string,
  file: string,
): DemoRevision {
  const raw = (value ?? {}) as Record<string, unknown>;
  const { daysAgo, summary, absent = [] } = raw;
  if (
    typeof daysAgo !== 'number' ||
    !Number.isInteger(daysAgo) ||
    daysAgo < 1 ||
    daysAgo > MAX_DAYS_AGO
  ) {
    throw new InputError(
      `${file}: daysAgo must be a whole number of days from 1 to ${MAX_DAYS_AGO}`,
    );
  }
  if (typeof summary !== 'string' || !summary.trim()) {
    throw new InputError(`${file}: summary must say what changed`);
  }
  if (
    !Array.isArray(absent) ||
    absent.some(
      p =>
        typeof p !== 'string' ||
        p.startsWith('/') ||
        p.split('/').includes('..'),
    )
  ) {
    throw new InputError(
      `${file}: absent must list paths relative to the examples folder`,
    );
  }
  return { directory, daysAgo, summary: summary.trim(), absent };
}
