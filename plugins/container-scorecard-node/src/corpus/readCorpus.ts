import { existsSync, readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { dirname, join, resolve } from 'node:path';
import type { ContainerFileKind } from '@container-scorecard/plugin-container-scorecard-common';

/** One file of the shared corpus of real-world container definitions. */
export interface CorpusFile {
  /** Path inside the corpus, e.g. `dockerfiles/0001.Dockerfile`. */
  file: string;
  /** A path the engine classifies as the right kind (compose files are stored as NNNN.yaml). */
  enginePath: string;
  kind: ContainerFileKind;
  /** Where it came from. */
  repo: string;
  pathInRepo: string;
  content: string;
  bytes: number;
}

/** The repository root: the nearest directory above `from` whose package.json has workspaces. */
export function findRepoRoot(from: string): string {
  let directory = resolve(from);
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (existsSync(manifest)) {
      try {
        if (JSON.parse(readFileSync(manifest, 'utf8')).workspaces)
          return directory;
      } catch {
        // not a manifest we can read: keep looking
      }
    }
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error(
        `No repository root (package.json with workspaces) above ${from}`,
      );
    directory = parent;
  }
}

/**
 * The corpus directory: `../shared/corpus` beside the repository root (where CI puts it).
 * Throws a clear error when it is missing: corpus tests must fail, never skip.
 */
export function corpusDirectory(
  from: string = resolvePackagePath(
    '@container-scorecard/plugin-container-scorecard-node',
  ),
): string {
  const root = findRepoRoot(from);
  const directory = resolve(root, '..', 'shared', 'corpus');
  if (!existsSync(join(directory, 'manifest.tsv'))) {
    throw new Error(
      `The real-world corpus is missing: expected ${directory}/manifest.tsv (../shared/corpus relative to the repository root ${root}). ` +
        'CI always provides it; locally, put the shared corpus beside the repository.',
    );
  }
  return directory;
}

function kindOf(file: string): ContainerFileKind {
  if (file.startsWith('dockerfiles/')) return 'dockerfile';
  if (file.startsWith('compose/')) return 'compose';
  return 'kubernetes';
}

function enginePathOf(file: string, kind: ContainerFileKind): string {
  if (kind !== 'compose') return file;
  const number = file.replace(/^compose\//, '').replace(/\.ya?ml$/, '');
  return `compose/${number}/compose.yaml`;
}

/** Reads every file the corpus manifest lists. */
export function readCorpus(
  directory: string = corpusDirectory(),
): CorpusFile[] {
  const lines = readFileSync(join(directory, 'manifest.tsv'), 'utf8')
    .split('\n')
    .slice(1)
    .filter(line => line.trim() !== '');
  return lines.map(line => {
    const [file, repo, pathInRepo] = line.split('\t');
    const buffer = readFileSync(join(directory, file));
    const kind = kindOf(file);
    return {
      file,
      enginePath: enginePathOf(file, kind),
      kind,
      repo,
      pathInRepo,
      content: buffer.toString('utf8'),
      bytes: buffer.length,
    };
  });
}
