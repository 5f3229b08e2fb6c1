import { listOf, type BuildContext } from './buildContext';
import { applyJsonPatch, readJsonPatch } from './jsonPatch';
import {
  KustomizeBuildError,
  type KustomizeResource,
  type TrackedMap,
  type TrackedNode,
} from './kustomizeTypes';
import { readPatch } from './readPatch';
import { strategicMerge, type MergeNotes } from './strategicMerge';
import {
  identityOf,
  matchesSelector,
  readTargetSelector,
  type TargetSelector,
} from './targetSelector';
import { entryOf, stringAt } from './trackedYaml';
import {
  addAnnotations,
  addLabels,
  overrideImages,
  renameResources,
  setNamespace,
  setReplicas,
  type TrackedValue,
} from './transformers';

/**
 * Applies a kustomization's patches and transformers to the objects it accumulated, in
 * kustomize's order: strategic merge patches, patches, namespace, prefix and suffix, labels,
 * annotations, JSON 6902 patches, replicas, images.
 */
export function transform(
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
