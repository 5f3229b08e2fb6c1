import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathBelow } from './revisionReader';

/** Where the demo's past comes from, when `containerScorecard.demo.seedHistory` is set. */
export interface DemoHistoryOptions {
  /** The folder of revision folders, absolute. */
  historyDirectory: string;
  /** Its parent, the examples folder the revisions mirror: a real path inside a local root. */
  examplesRoot: string;
}

/**
 * Reads `containerScorecard.demo.seedHistory`. Seeding writes dated results into the store, so it
 * is refused outright where it could mislead: in a production process (NODE_ENV=production), and
 * for a folder outside `containerScorecard.localRoots` (the demo's repositories live there).
 */
export function readDemoHistoryOptions(
  config: Config,
  localRoots: readonly string[],
  env: { NODE_ENV?: string } = process.env,
): DemoHistoryOptions | undefined {
  const key = 'containerScorecard.demo.seedHistory';
  const value = config.getOptionalString(key);
  if (value === undefined) return undefined;
  if (env.NODE_ENV === 'production') {
    throw new InputError(
      `${key} seeds a demo's made-up past and is refused when NODE_ENV is production; remove it from this configuration`,
    );
  }
  const historyDirectory = resolve(value);
  if (!existsSync(historyDirectory)) {
    throw new InputError(`${key}: ${historyDirectory} does not exist`);
  }
  const examplesRoot = realpathSync(dirname(historyDirectory));
  const inRoots = localRoots.some(root => {
    const realRoot = existsSync(root) ? realpathSync(root) : root;
    return pathBelow(realRoot, examplesRoot) !== undefined;
  });
  if (!inRoots) {
    throw new InputError(
      `${key}: ${examplesRoot}, the folder the revisions mirror, is not inside containerScorecard.localRoots`,
    );
  }
  return { historyDirectory, examplesRoot };
}
