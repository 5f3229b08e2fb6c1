import { transform } from './applyTransforms';
import {
  listOf,
  readFile,
  type BuildContext,
  type KustomizeFiles,
} from './buildContext';
import {
  DEFAULT_KUSTOMIZE_LIMITS,
  KustomizeBuildError,
  type KustomizeLimits,
  type KustomizeResource,
  type TrackedMap,
  type TrackedNode,
} from './kustomizeTypes';
import {
  directoryOf,
  isRemoteReference,
  joinPath,
  resolveInRepository,
} from './repositoryPaths';
import { identityOf } from './targetSelector';
import {
  cloneTracked,
  entryOf,
  parseTrackedYaml,
  stringAt,
} from './trackedYaml';
import { WorkBudget } from './workBudget';

export type { KustomizeFiles } from './buildContext';

/** The file names kustomize looks for in a directory, in its order. */
export const KUSTOMIZATION_FILE_NAMES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
] as const;

/**
 * Kustomization fields this builder does not build. Each makes the build "could not analyse"
 * with the reason, since what they produce or change may be what is deployed.
 */
const UNSUPPORTED_FIELDS = [
  'components',
  'helmCharts',
  'helmChartInflationGenerator',
  'generators',
  'transformers',
  'validators',
  'replacements',
  'crds',
  'configurations',
  'openapi',
] as const;

/** Fields ignored with a note: what they make runs no container. */
const IGNORED_FIELDS: Record<string, string> = {
  configMapGenerator:
    'configMapGenerator is not built: generated ConfigMaps run no containers, so they do not change the score.',
  secretGenerator:
    'secretGenerator is not built: generated Secrets run no containers, so they do not change the score.',
  vars: 'vars are not substituted: they only replace $(NAME) references in strings.',
};

/**
 * A built kustomization: the objects it deploys, each node tracked to the file and line it
 * came from.
 *
 * @public
 */
export interface KustomizeBuildOutput {
  status: 'built';
  /** The directory of the kustomization. */
  directory: string;
  /** Its kustomization file. */
  kustomizationPath: string;
  resources: KustomizeResource[];
  /** Every repository file the build read: kustomization files, resources, patches. */
  files: string[];
  /** What the build left out or did that a user should know (ignored generators ...). */
  notes: string[];
}

/**
 * A kustomization that could not be built, and why.
 *
 * @public
 */
export interface KustomizeBuildFailure {
  status: 'failed';
  directory: string;
  kustomizationPath?: string;
  /** Why, in words a user can act on ("Kustomize feature helmCharts is not supported"). */
  reason: string;
  /** The files read before the build stopped. */
  files: string[];
  notes: string[];
}

/** @public */
export type KustomizeBuildResult = KustomizeBuildOutput | KustomizeBuildFailure;

/** The kustomization file of a directory, if it holds exactly one. */
export function kustomizationFileOf(
  files: KustomizeFiles,
  directory: string,
): string | undefined {
  const found = KUSTOMIZATION_FILE_NAMES.map(name =>
    joinPath(directory, name),
  ).filter(path => files.has(path));
  if (found.length > 1)
    throw new KustomizeBuildError(
      `${directory || '.'} holds more than one kustomization file (${found.join(
        ', ',
      )}); kustomize refuses that.`,
    );
  return found[0];
}

/**
 * Builds the kustomization of `directory` over an in-memory set of repository files, as
 * `kustomize build` would: resources and bases (recursively), patches (strategic merge and
 * JSON 6902, by name or `target`), `namespace`, `namePrefix`/`nameSuffix`, `commonLabels`,
 * `labels`, `commonAnnotations`, `replicas` and `images`, in kustomize's order. Never throws:
 * a cycle, a missing or remote resource, an unsupported feature or a build larger than the
 * limits is a failure with the reason.
 *
 * @public
 */
export function buildKustomization(
  files: KustomizeFiles,
  directory: string,
  options: {
    limits?: Partial<KustomizeLimits>;
    /** Directories of the repository; computed from `files` when missing. */
    directories?: ReadonlySet<string>;
    /** A budget shared with other builds (all the overlays of one repository). */
    sharedBudget?: WorkBudget;
  } = {},
): KustomizeBuildResult {
  const limits = { ...DEFAULT_KUSTOMIZE_LIMITS, ...options.limits };
  const context: BuildContext = {
    files,
    directories: options.directories ?? directoriesOf(files.keys()),
    limits,
    budget: new WorkBudget(limits.maxWork, options.sharedBudget),
    read: new Set(),
    notes: [],
    built: new Map(),
  };
  let kustomizationPath: string | undefined;
  try {
    kustomizationPath = kustomizationFileOf(files, directory);
    if (!kustomizationPath)
      throw new KustomizeBuildError(
        `${directory || '.'} holds no kustomization file.`,
      );
    const resources = buildDirectory(context, directory, []);
    return {
      status: 'built',
      directory,
      kustomizationPath,
      resources,
      files: [...context.read],
      notes: [...new Set(context.notes)],
    };
  } catch (error) {
    return {
      status: 'failed',
      directory,
      ...(kustomizationPath ? { kustomizationPath } : {}),
      reason: reasonOf(error),
      files: [...context.read],
      notes: [...new Set(context.notes)],
    };
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof KustomizeBuildError) return error.message;
  const message = String((error as Error)?.message ?? error);
  // The YAML library recurses: a file nested thousands of levels deep overflows its stack.
  if (message.includes('Maximum call stack size exceeded'))
    return 'A file of the Kustomize build nests too deeply to read: no Kubernetes object is nested like that.';
  return `The Kustomize build failed: ${message}`;
}

/** Every directory holding a file, the root ('') included. */
export function directoriesOf(paths: Iterable<string>): Set<string> {
  const directories = new Set<string>(['']);
  for (const path of paths) {
    let directory = directoryOf(path);
    while (directory && !directories.has(directory)) {
      directories.add(directory);
      directory = directoryOf(directory);
    }
  }
  return directories;
}

function buildDirectory(
  context: BuildContext,
  directory: string,
  stack: readonly string[],
): KustomizeResource[] {
  const name = directory || '.';
  if (stack.includes(directory))
    throw new KustomizeBuildError(
      `Kustomization cycle: ${[...stack, directory]
        .map(d => d || '.')
        .join(' → ')}.`,
    );
  if (stack.length >= context.limits.maxDepth)
    throw new KustomizeBuildError(
      `Kustomizations nest deeper than ${context.limits.maxDepth} levels (${name}).`,
    );
  const cached = context.built.get(directory);
  if (cached) return cached.map(resource => copyResource(resource, context));
  const path = kustomizationFileOf(context.files, directory);
  if (!path)
    throw new KustomizeBuildError(`${name} holds no kustomization file.`);
  const kustomization = readKustomization(context, path);
  const resources = accumulate(context, directory, kustomization, [
    ...stack,
    directory,
  ]);
  transform(context, directory, path, kustomization, resources);
  context.built.set(directory, resources);
  return resources.map(resource => copyResource(resource, context));
}

function copyResource(
  resource: KustomizeResource,
  context: BuildContext,
): KustomizeResource {
  return {
    node: cloneTracked(resource.node, context.budget) as TrackedMap,
    sourcePath: resource.sourcePath,
    previousNames: [...resource.previousNames],
  };
}

function readKustomization(context: BuildContext, path: string): TrackedMap {
  const documents = parseTrackedYaml(
    path,
    readFile(context, path),
    context.budget,
    context.limits.maxNesting,
  );
  const node = documents.find(d => d.node)?.node;
  if (node === undefined) return { type: 'map', entries: new Map() };
  if (node.type !== 'map')
    throw new KustomizeBuildError(
      `${path} is not a kustomization (a mapping).`,
    );
  if (stringAt(node, 'kind') === 'Component')
    throw new KustomizeBuildError(
      `Kustomize feature components is not supported (${path} is a Component).`,
    );
  for (const field of UNSUPPORTED_FIELDS) {
    const value = node.entries.get(field);
    if (value && !(value.type === 'seq' && value.items.length === 0))
      throw new KustomizeBuildError(
        `Kustomize feature ${field} is not supported (${path}).`,
      );
  }
  for (const [field, note] of Object.entries(IGNORED_FIELDS))
    if (node.entries.has(field)) context.notes.push(`${path}: ${note}`);
  return node;
}

function accumulate(
  context: BuildContext,
  directory: string,
  kustomization: TrackedMap,
  stack: readonly string[],
): KustomizeResource[] {
  const resources: KustomizeResource[] = [];
  const ids = new Set<string>();
  const add = (resource: KustomizeResource) => {
    const id = resourceKey(resource.node);
    if (ids.has(id))
      throw new KustomizeBuildError(
        `${resource.sourcePath}: ${id} is defined twice in ${
          directory || '.'
        } (kustomize refuses an already registered id).`,
      );
    ids.add(id);
    resources.push(resource);
    if (resources.length > context.limits.maxResources)
      throw new KustomizeBuildError(
        `The build holds more than ${context.limits.maxResources} objects.`,
      );
  };
  const entries = [
    ...listOf(context, kustomization, 'resources'),
    ...listOf(context, kustomization, 'bases'),
  ];
  for (const entry of entries) {
    const reference = entry.type === 'scalar' ? String(entry.value ?? '') : '';
    if (!reference)
      throw new KustomizeBuildError(
        `A "resources" entry of ${directory || '.'} is not a path.`,
      );
    if (isRemoteReference(reference))
      throw new KustomizeBuildError(
        `Kustomize resource ${reference} is remote and was not read: only files of this repository are built.`,
      );
    const path = resolveInRepository(directory, reference);
    if (path === undefined)
      throw new KustomizeBuildError(
        `Kustomize resource ${reference} of ${
          directory || '.'
        } is outside the repository and was not read.`,
      );
    if (context.files.has(path)) {
      for (const resource of readResources(context, path)) add(resource);
    } else if (context.directories.has(path)) {
      for (const resource of buildDirectory(context, path, stack))
        add(resource);
    } else {
      throw new KustomizeBuildError(
        `Kustomize resource ${reference} of ${
          directory || '.'
        } does not exist (${path || '.'} is not in the repository).`,
      );
    }
  }
  return resources;
}

function resourceKey(node: TrackedNode): string {
  const id = identityOf(node);
  return `${id.group ? `${id.group}/` : ''}${id.kind}/${
    id.namespace ? `${id.namespace}/` : ''
  }${id.name}`;
}

function readResources(
  context: BuildContext,
  path: string,
): KustomizeResource[] {
  const documents = parseTrackedYaml(
    path,
    readFile(context, path),
    context.budget,
    context.limits.maxNesting,
  );
  const resources: KustomizeResource[] = [];
  for (const { node } of documents) {
    if (!node) continue;
    if (node.type !== 'map')
      throw new KustomizeBuildError(
        `${path}: a resource file must hold Kubernetes objects (mappings).`,
      );
    const items = entryOf(node, 'items');
    const objects =
      stringAt(node, 'kind')?.endsWith('List') && items?.type === 'seq'
        ? items.items
        : [node];
    for (const object of objects) {
      const id = identityOf(object);
      if (object.type !== 'map' || !id.kind || !id.name)
        throw new KustomizeBuildError(
          `${path}: every object needs a kind and a metadata.name to be built by kustomize.`,
        );
      resources.push({ node: object, sourcePath: path, previousNames: [] });
    }
  }
  return resources;
}
