import { classifyContainerFile } from '@container-scorecard/plugin-container-scorecard-common';
import type { LimitReached } from '@container-scorecard/plugin-container-scorecard-common';
import { entityBytesReached } from './readLimits';

/**
 * Which candidates get the byte budget first: Dockerfiles, then compose files, then other YAML.
 * Dockerfiles and compose files are definitions by name and small; any `*.yaml` is only maybe a
 * manifest, and a repository full of generated YAML (CRD bundles, OpenAPI specs, test data) must
 * not crowd out the Dockerfile. Shallower paths come first within a kind: the service's own
 * definitions sit near the root, fixtures and examples deep below.
 */
export function readPriority(path: string): number {
  switch (classifyContainerFile(path)) {
    case 'dockerfile':
      return 0;
    case 'compose':
      return 1;
    default:
      return 2;
  }
}

export function compareReadPriority(a: string, b: string): number {
  return (
    readPriority(a) - readPriority(b) ||
    a.split('/').length - b.split('/').length ||
    (a < b ? -1 : Number(a > b))
  );
}

/**
 * YAML files of uncertain kind may spend at most this share of the budget. URL readers hand out
 * a repository's files in archive order, not in priority order, so this reserve is what keeps
 * room for the Dockerfiles and compose files that come after a large YAML bundle.
 */
const YAML_SHARE = 0.75;

/**
 * The bytes one entity may read, all files together; counts the files it turned away.
 *
 * A file is read while the budget is not yet spent, so the one that crosses it is read whole:
 * memory stays below the budget plus one file (at most `maxFileBytes`), and a definition larger
 * than a small budget is still read when it comes first. Files of unbounded size (the oversized
 * YAML a URL reader must fetch whole to look at its head) must fit entirely.
 */
export class ByteBudget {
  private spent = 0;
  private yamlSpent = 0;
  private refused = 0;

  constructor(readonly limit: number) {}

  /** Spends `bytes` for `path` when the budget allows; otherwise counts the file as not read. */
  admit(path: string, bytes: number, mustFit = false): boolean {
    const isYaml = readPriority(path) === 2;
    const yamlLimit = this.limit * YAML_SHARE;
    const fits = mustFit
      ? this.spent + bytes <= this.limit &&
        (!isYaml || this.yamlSpent + bytes <= yamlLimit)
      : this.spent < this.limit && (!isYaml || this.yamlSpent < yamlLimit);
    if (!fits) {
      this.refused += 1;
      return false;
    }
    this.spent += bytes;
    if (isYaml) this.yamlSpent += bytes;
    return true;
  }

  /** The notice for the files turned away, if any. */
  limitReached(): LimitReached | undefined {
    return this.refused > 0
      ? entityBytesReached(this.limit, this.refused)
      : undefined;
  }
}
