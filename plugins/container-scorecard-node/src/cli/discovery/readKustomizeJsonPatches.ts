import { realpath, readFile, stat } from 'node:fs/promises';
import { relative, resolve, isAbsolute } from 'node:path';
import {
  kustomizeJsonPatchPaths,
  type ScorecardInputFile,
} from '@container-scorecard/plugin-container-scorecard-common';

/** JSON 6902 patches are a few operations; a larger file is not one. */
const MAX_JSON_PATCH_BYTES = 64 * 1024;

/**
 * Adds to `inputs` the JSON 6902 patch files (`patches: - path: x.json`, `patchesJson6902`) the
 * kustomizations among them name: discovery goes by file name and never picks up `.json` files,
 * and without them an overlay cannot be built. Only files inside `cwd` (links resolved) are read;
 * one that cannot be read is left out, and the overlay's build says it was not read.
 */
export async function readKustomizeJsonPatches(
  cwd: string,
  inputs: ScorecardInputFile[],
): Promise<void> {
  const known = new Map(inputs.map(input => [input.path, input.content]));
  const wanted = kustomizeJsonPatchPaths(known).filter(
    path => known.get(path) === undefined,
  );
  if (wanted.length === 0) return;
  const root = await realpath(cwd);
  for (const path of wanted) {
    const content = await readInside(root, resolve(cwd, path));
    if (content === undefined) continue;
    const listed = inputs.findIndex(input => input.path === path);
    if (listed >= 0) inputs.splice(listed, 1);
    inputs.push({ path, content });
  }
}

async function readInside(
  root: string,
  path: string,
): Promise<string | undefined> {
  try {
    const real = await realpath(path);
    const rel = relative(root, real);
    if (rel.startsWith('..') || isAbsolute(rel)) return undefined;
    if ((await stat(real)).size > MAX_JSON_PATCH_BYTES) return undefined;
    return (await readFile(real)).toString('utf8');
  } catch {
    return undefined;
  }
}
