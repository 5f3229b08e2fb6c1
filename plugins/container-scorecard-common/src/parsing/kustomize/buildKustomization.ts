import {
  DEFAULT_KUSTOMIZE_LIMITS,
  KustomizeBuildError,
  type KustomizeLimits,
  type KustomizeOrigin,
  type KustomizeResource,
  type TrackedMap,
  type TrackedNode,
} from './kustomizeTypes';
import { applyJsonPatch, readJsonPatch } from './jsonPatch';
import {
  directoryOf,
  isRemoteReference,
  joinPath,
  resolveInRepository,
} from './repositoryPaths';
import { strategicMerge, type MergeNotes } from './strategicMerge';
import {
  identityOf,
  matchesSelector,
  readTargetSelector,
  type TargetSelector,
} from './targetSelector';
import {
  cloneTracked,
  entryOf,
  parseTrackedYaml,
  stringAt,
} from './trackedYaml';
import {
  addAnnotations,
  addLabels,
  overrideImages,
  renameResources,
  setNamespace,
  setReplicas,
  type TrackedValue,
} from './transformers';
import { WorkBudget } from './workBudget';

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

/** The repository files a build may read, by path (`undefined`: listed, but its content was not read). */
export type KustomizeFiles = ReadonlyMap<string, string | undefined>;

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

interface BuildContext {
  files: KustomizeFiles;
  directories: ReadonlySet<string>;
  limits: KustomizeLimits;
  budget: WorkBudget;
  read: Set<string>;
  notes: string[];
  /** Built kustomizations by directory: a base shared by several paths is built once. */
  built: Map<string, KustomizeResource[]>;
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

function readFile(context: BuildContext, path: string): string {
  const content = context.files.get(path);
  if (content === undefined)
    throw new KustomizeBuildError(
      `${path} was not read (too large, or past the reading limits), so the overlay cannot be built.`,
    );
  context.read.add(path);
  return content;
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

/** The strings of a list field, each with its node. */
function listOf(
  context: BuildContext,
  kustomization: TrackedMap,
  field: string,
): TrackedNode[] {
  const value = kustomization.entries.get(field);
  if (value === undefined || (value.type === 'scalar' && value.value === null))
    return [];
  if (value.type !== 'seq')
    throw new KustomizeBuildError(
      `"${field}" of a kustomization must be a list.`,
    );
  if (value.items.length > context.limits.maxEntries)
    throw new KustomizeBuildError(
      `"${field}" lists ${value.items.length} entries, more than the ${context.limits.maxEntries} a kustomization may list here.`,
    );
  return value.items;
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

/** A patch as read: its documents, and where it came from. */
interface PatchSource {
  documents: TrackedNode[];
  /** File or kustomization entry, for messages. */
  source: string;
}

function readPatch(
  context: BuildContext,
  directory: string,
  kustomizationPath: string,
  entry: TrackedNode,
  field: string,
): PatchSource {
  const inline = entry.type === 'map' ? entry.entries.get('patch') : undefined;
  const reference =
    entry.type === 'scalar'
      ? String(entry.value ?? '')
      : stringAt(entry, 'path');
  if (inline?.type === 'scalar' && typeof inline.value === 'string')
    return readInlinePatch(context, kustomizationPath, inline, inline.value);
  if (entry.type === 'scalar' && reference && /\n/.test(reference))
    return readInlinePatch(context, kustomizationPath, entry, reference);
  if (!reference)
    throw new KustomizeBuildError(
      `A "${field}" entry of ${kustomizationPath} has neither a path nor a patch.`,
    );
  if (isRemoteReference(reference))
    throw new KustomizeBuildError(
      `Kustomize patch ${reference} is remote and was not read.`,
    );
  const path = resolveInRepository(directory, reference);
  if (path === undefined)
    throw new KustomizeBuildError(
      `Kustomize patch ${reference} of ${kustomizationPath} is outside the repository and was not read.`,
    );
  if (!context.files.has(path))
    throw new KustomizeBuildError(
      `Kustomize patch ${reference} of ${kustomizationPath} does not exist (${path} is not in the repository).`,
    );
  const documents = parseTrackedYaml(
    path,
    readFile(context, path),
    context.budget,
    context.limits.maxNesting,
  ).flatMap(d => (d.node ? [d.node] : []));
  return { documents, source: path };
}

/**
 * An inline patch (`patch: |-` in the kustomization): parsed on its own, its lines then shifted
 * to where they sit in the kustomization file, so findings point at that file's lines.
 */
function readInlinePatch(
  context: BuildContext,
  kustomizationPath: string,
  holder: TrackedNode,
  text: string,
): PatchSource {
  const documents = parseTrackedYaml(
    kustomizationPath,
    text,
    context.budget,
    context.limits.maxNesting,
  ).flatMap(d => (d.node ? [d.node] : []));
  const origin = holder.origin;
  if (origin) {
    const content = context.files.get(kustomizationPath) ?? '';
    const lines = content.split('\n');
    const keyLine = lines[origin.range.start.line - 1] ?? '';
    const isBlock = /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(keyLine);
    const firstContentLine = lines[origin.range.start.line] ?? '';
    const indent = isBlock ? /^\s*/.exec(firstContentLine)?.[0].length ?? 0 : 0;
    for (const document of documents)
      shiftOrigins(
        document,
        isBlock ? origin.range.start.line : 0,
        indent,
        origin,
      );
  }
  return { documents, source: `an inline patch of ${kustomizationPath}` };
}

function shiftOrigins(
  node: TrackedNode,
  lineDelta: number,
  columnDelta: number,
  fallback: KustomizeOrigin,
) {
  const stack = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.origin) {
      current.origin =
        lineDelta === 0
          ? fallback
          : {
              path: current.origin.path,
              range: {
                start: {
                  line: current.origin.range.start.line + lineDelta,
                  column: current.origin.range.start.column + columnDelta,
                },
                end: {
                  line: current.origin.range.end.line + lineDelta,
                  column: current.origin.range.end.column + columnDelta,
                },
              },
            };
    }
    if (current.type === 'map') stack.push(...current.entries.values());
    if (current.type === 'seq') stack.push(...current.items);
  }
}

function transform(
  context: BuildContext,
  directory: string,
  path: string,
  kustomization: TrackedMap,
  resources: KustomizeResource[],
) {
  const mergeNotes: MergeNotes = { addedElements: [] };
  const applySmp = (
    patch: TrackedNode,
    source: string,
    selector: TargetSelector | undefined,
  ) => {
    if (patch.type !== 'map')
      throw new KustomizeBuildError(
        `${source}: a strategic merge patch must be a mapping.`,
      );
    const targets = selector
      ? resources.filter(resource => {
          context.budget.spend(1);
          return matchesSelector(resource, selector);
        })
      : resources.filter(resource => sameObject(resource, patch));
    if (targets.length === 0) {
      if (selector) {
        context.notes.push(`${source}: the patch matches no object.`);
        return;
      }
      const id = identityOf(patch);
      throw new KustomizeBuildError(
        `${source}: the patch targets ${id.kind} ${id.name}, which ${
          directory || '.'
        } does not define (kustomize: no matches for the patch).`,
      );
    }
    for (const resource of targets) {
      const kept = keepIdentity(resource.node);
      const merged = strategicMerge(
        resource.node,
        patch,
        context.budget,
        mergeNotes,
      );
      if (merged === undefined) {
        resources.splice(resources.indexOf(resource), 1);
        continue;
      }
      resource.node = merged as TrackedMap;
      kept();
    }
    for (const added of mergeNotes.addedElements.splice(0))
      context.notes.push(
        `${source}: the patch names ${added.field} element ${added.value}, which the object does not have; kustomize adds it as a new element.`,
      );
  };
  const applyJson = (
    patch: TrackedNode,
    source: string,
    selector: TargetSelector | undefined,
  ) => {
    if (!selector)
      throw new KustomizeBuildError(
        `${source}: a JSON 6902 patch needs a target.`,
      );
    const operations = readJsonPatch(patch, source);
    const targets = resources.filter(resource => {
      context.budget.spend(1);
      return matchesSelector(resource, selector);
    });
    if (targets.length === 0)
      context.notes.push(`${source}: the patch matches no object.`);
    for (const resource of targets)
      applyJsonPatch(resource.node, operations, source, context.budget);
  };

  for (const entry of listOf(context, kustomization, 'patchesStrategicMerge')) {
    const { documents, source } = readPatch(
      context,
      directory,
      path,
      entry,
      'patchesStrategicMerge',
    );
    for (const document of documents) applySmp(document, source, undefined);
  }
  for (const entry of listOf(context, kustomization, 'patches')) {
    const { documents, source } = readPatch(
      context,
      directory,
      path,
      entry,
      'patches',
    );
    const selector = readTargetSelector(entryOf(entry, 'target'));
    for (const document of documents) {
      if (document.type === 'seq') applyJson(document, source, selector);
      else applySmp(document, source, selector);
    }
  }
  const namespace = trackedString(kustomization, 'namespace');
  if (namespace?.value) setNamespace(resources, namespace);
  renameResources(
    resources,
    trackedString(kustomization, 'namePrefix'),
    trackedString(kustomization, 'nameSuffix'),
  );
  for (const entry of listOf(context, kustomization, 'labels')) {
    addLabels(
      resources,
      pairsOf(entryOf(entry, 'pairs')),
      {
        selectors: entryBoolean(entry, 'includeSelectors'),
        templates: entryBoolean(entry, 'includeTemplates'),
      },
      context.budget,
    );
  }
  addLabels(
    resources,
    pairsOf(kustomization.entries.get('commonLabels')),
    { selectors: true, templates: true },
    context.budget,
  );
  addAnnotations(
    resources,
    pairsOf(kustomization.entries.get('commonAnnotations')),
    context.budget,
  );
  for (const entry of listOf(context, kustomization, 'patchesJson6902')) {
    const { documents, source } = readPatch(
      context,
      directory,
      path,
      entry,
      'patchesJson6902',
    );
    const selector = readTargetSelector(entryOf(entry, 'target'));
    for (const document of documents) applyJson(document, source, selector);
  }
  for (const entry of listOf(context, kustomization, 'replicas')) {
    const name = stringAt(entry, 'name');
    const count = entryOf(entry, 'count');
    if (name && count) setReplicas(resources, name, count);
  }
  for (const entry of listOf(context, kustomization, 'images')) {
    const name = stringAt(entry, 'name');
    if (!name) continue;
    overrideImages(
      resources,
      {
        name,
        newName: stringAt(entry, 'newName'),
        newTag: stringAt(entry, 'newTag'),
        digest: stringAt(entry, 'digest'),
        // The line to change: the digest, else the tag, else the name the entry sets.
        origin: (
          entryOf(entry, 'digest') ??
          entryOf(entry, 'newTag') ??
          entryOf(entry, 'newName') ??
          entry
        ).origin,
      },
      context.budget,
    );
  }
}

/**
 * Whether a patch without a target names this object: same kind (and group when the patch has
 * one), its name now or before a prefix, and its namespace when the patch gives one.
 */
function sameObject(resource: KustomizeResource, patch: TrackedNode): boolean {
  const wanted = identityOf(patch);
  const id = identityOf(resource.node);
  if (wanted.kind !== id.kind) return false;
  if (wanted.group && wanted.group !== id.group) return false;
  if (wanted.namespace && wanted.namespace !== id.namespace) return false;
  return (
    wanted.name === id.name || resource.previousNames.includes(wanted.name)
  );
}

/**
 * A strategic merge patch never renames, re-kinds nor moves its object: kustomize sets the name,
 * kind and namespace back after merging (unless a patch option allows a change, not supported).
 */
function keepIdentity(node: TrackedMap): () => void {
  const apiVersion = node.entries.get('apiVersion');
  const kind = node.entries.get('kind');
  const metadata = node.entries.get('metadata');
  const name = entryOf(metadata, 'name');
  const namespace = entryOf(metadata, 'namespace');
  return () => {
    if (apiVersion) node.entries.set('apiVersion', apiVersion);
    if (kind) node.entries.set('kind', kind);
    const merged = node.entries.get('metadata');
    if (merged?.type !== 'map') return;
    if (name) merged.entries.set('name', name);
    if (namespace) merged.entries.set('namespace', namespace);
    else merged.entries.delete('namespace');
  };
}

function trackedString(
  node: TrackedMap,
  key: string,
): TrackedValue | undefined {
  const value = node.entries.get(key);
  return value?.type === 'scalar' && value.value !== null
    ? { value: String(value.value), origin: value.origin }
    : undefined;
}

function pairsOf(node: TrackedNode | undefined): Map<string, TrackedValue> {
  const pairs = new Map<string, TrackedValue>();
  if (node?.type !== 'map') return pairs;
  for (const [key, value] of node.entries)
    if (value.type === 'scalar')
      pairs.set(key, {
        value: String(value.value ?? ''),
        origin: value.origin,
      });
  return pairs;
}

function entryBoolean(node: TrackedNode, key: string): boolean {
  const value = entryOf(node, key);
  return value?.type === 'scalar' && value.value === true;
}
