import { parseDocument } from 'yaml';
import {
  buildKustomization,
  directoriesOf,
  KUSTOMIZATION_FILE_NAMES,
  type KustomizeBuildResult,
  type KustomizeFiles,
} from './buildKustomization';
import {
  DEFAULT_KUSTOMIZE_LIMITS,
  type KustomizeLimits,
} from './kustomizeTypes';
import {
  baseNameOf,
  directoryOf,
  isRemoteReference,
  joinPath,
  resolveInRepository,
} from './repositoryPaths';
import { WorkBudget } from './workBudget';

function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * One kustomization built as what is deployed, with every file it stands on.
 *
 * @public
 */
export interface KustomizeUnit {
  build: KustomizeBuildResult;
  /**
   * Every file the unit reads: the files the build read and, should it stop early, the files its
   * kustomizations name. None of them is a manifest of its own.
   */
  sourcePaths: string[];
}

/** Kustomization fields that list paths. */
const LIST_FIELDS = [
  'resources',
  'bases',
  'components',
  'patchesStrategicMerge',
] as const;

/** Whether a path names a kustomization file. */
export function isKustomizationFile(path: string): boolean {
  return (KUSTOMIZATION_FILE_NAMES as readonly string[]).includes(
    baseNameOf(path),
  );
}

/**
 * Finds the kustomizations of a repository and builds its leaf overlays (kustomizations no
 * other one uses): a base used by an overlay is built as part of it, never on its own, and patch
 * files are never manifests of their own. Kustomizations no leaf reaches (a cycle of overlays)
 * are built too, to say why they fail. Components are not built on their own. All builds
 * together spend at most five times one build's work budget: past it, the remaining overlays fail
 * with the reason.
 *
 * @public
 */
export function findKustomizeUnits(
  files: KustomizeFiles,
  options: { limits?: Partial<KustomizeLimits> } = {},
): KustomizeUnit[] {
  const limits = { ...DEFAULT_KUSTOMIZE_LIMITS, ...options.limits };
  const kustomizationDirectories = [
    ...new Set(
      [...files.keys()].filter(isKustomizationFile).map(p => directoryOf(p)),
    ),
  ].sort();
  if (kustomizationDirectories.length === 0) return [];
  const directories = directoriesOf(files.keys());
  const kustomizations = new Set(kustomizationDirectories);
  const references = new Map(
    kustomizationDirectories.map(d => [d, referencesOf(files, d)]),
  );
  const used = new Set<string>();
  for (const [directory, paths] of references)
    for (const path of paths)
      if (path !== directory && kustomizations.has(path)) used.add(path);
  const leaves = kustomizationDirectories.filter(
    d => !used.has(d) && !isComponent(files, d),
  );
  const reached = new Set<string>();
  const closureOf = (leaf: string): Set<string> => {
    const closure = new Set<string>();
    const seen = new Set<string>([leaf]);
    const pending = [leaf];
    // Bounded: an overlay's own build stops at maxDepth and maxEntries anyway.
    while (pending.length && closure.size < limits.maxEntries * 4) {
      const directory = pending.pop()!;
      reached.add(directory);
      for (const name of KUSTOMIZATION_FILE_NAMES)
        closure.add(joinPath(directory, name));
      for (const path of references.get(directory) ?? []) {
        closure.add(path);
        if (kustomizations.has(path) && !seen.has(path)) {
          seen.add(path);
          pending.push(path);
        }
      }
    }
    return closure;
  };
  const sharedBudget = new WorkBudget(
    limits.maxWork * 5,
    undefined,
    "The repository's Kustomize builds together",
  );
  const unitOf = (directory: string): KustomizeUnit => {
    const closure = closureOf(directory);
    const build = buildKustomization(files, directory, {
      limits,
      directories,
      sharedBudget,
    });
    const sourcePaths = new Set(build.files);
    for (const path of closure) if (files.has(path)) sourcePaths.add(path);
    return { build, sourcePaths: [...sourcePaths].sort() };
  };
  const units = leaves.map(unitOf);
  for (const directory of kustomizationDirectories)
    if (!reached.has(directory) && !isComponent(files, directory))
      units.push(unitOf(directory));
  return units.sort((a, b) =>
    compareStrings(a.build.directory, b.build.directory),
  );
}

/**
 * The files the repository's kustomizations name that a reader by file name would not fetch:
 * JSON 6902 patches kept in `.json` files (`patches: - path: x.json`, `patchesJson6902`).
 * Readers call it on the files they read to fetch those too; without them an overlay cannot be
 * built. `files` needs only the kustomization files' contents.
 *
 * @public
 */
export function kustomizeJsonPatchPaths(files: KustomizeFiles): string[] {
  const directories = new Set(
    [...files.keys()].filter(isKustomizationFile).map(p => directoryOf(p)),
  );
  const paths = new Set<string>();
  for (const directory of directories)
    for (const path of referencesOf(files, directory))
      if (/\.json$/i.test(path)) paths.add(path);
  return [...paths].sort();
}

/**
 * The repository paths a kustomization names (resources, bases, components, patch files), read
 * without building: enough to tell leaves from bases, and which files an overlay stands on even
 * when its build stops early. A kustomization that does not parse names nothing here (its build
 * says why).
 */
function referencesOf(files: KustomizeFiles, directory: string): string[] {
  const paths: string[] = [];
  for (const name of KUSTOMIZATION_FILE_NAMES) {
    const content = files.get(joinPath(directory, name));
    if (content === undefined) continue;
    let kustomization: unknown;
    try {
      kustomization = parseDocument(content, { uniqueKeys: false }).toJS({
        maxAliasCount: 100,
      });
    } catch {
      continue;
    }
    if (typeof kustomization !== 'object' || kustomization === null) continue;
    const fields = kustomization as Record<string, unknown>;
    const references: unknown[] = [];
    for (const field of LIST_FIELDS) {
      const list = fields[field];
      if (Array.isArray(list)) references.push(...list);
    }
    for (const field of ['patches', 'patchesJson6902']) {
      const list = fields[field];
      if (Array.isArray(list))
        references.push(
          ...list.map(entry => (entry as { path?: unknown } | null)?.path),
        );
    }
    // Bounded as a build is: a longer list fails the build anyway.
    for (const reference of references.slice(0, 4000)) {
      if (typeof reference !== 'string' || reference.includes('\n')) continue;
      if (isRemoteReference(reference)) continue;
      const resolved = resolveInRepository(directory, reference);
      if (resolved !== undefined) paths.push(resolved);
    }
  }
  return paths;
}

function isComponent(files: KustomizeFiles, directory: string): boolean {
  return KUSTOMIZATION_FILE_NAMES.some(name =>
    /^kind:\s*Component\s*$/m.test(files.get(joinPath(directory, name)) ?? ''),
  );
}
