import type { TrackedMap, TrackedNode, TrackedSeq } from './kustomizeTypes';
import { stringAt } from './trackedYaml';
import type { WorkBudget } from './workBudget';

/**
 * The keys kubectl merges lists of objects by (the `patchMergeKey` of the Kubernetes API types).
 * Lists without one are replaced by the patch, as kubectl does (`args`, `command`, `tolerations`,
 * `capabilities.drop` ...).
 */
const MERGE_KEYS: Record<string, readonly string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  volumes: ['name'],
  env: ['name'],
  imagePullSecrets: ['name'],
  resourceClaims: ['name'],
  // Container ports merge by containerPort, Service ports by port.
  ports: ['containerPort', 'port'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  hostAliases: ['ip'],
  topologySpreadConstraints: ['topologyKey'],
  readinessGates: ['conditionType'],
  ownerReferences: ['uid'],
};

const DIRECTIVE = '$patch';
const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList/';
const SET_ELEMENT_ORDER = '$setElementOrder/';
const RETAIN_KEYS = '$retainKeys';

/** What a strategic merge did that a user may not expect. */
export interface MergeNotes {
  /** Patch list items naming an element the object did not have: kustomize adds them. */
  addedElements: { field: string; key: string; value: string }[];
}

/**
 * Applies a strategic merge patch to `original` (changed in place where it is a map or list),
 * as kubectl and kustomize do: maps merge key by key, `null` deletes a key, lists of objects
 * with a merge key merge element by element (elements only in the patch are appended), other
 * lists are replaced. `$patch: delete` / `$patch: replace`, `$retainKeys` and
 * `$deleteFromPrimitiveList` are honoured; `$setElementOrder` is ignored. Returns `undefined`
 * when the patch deletes the node. Nodes of the patch are copied, never shared.
 */
export function strategicMerge(
  original: TrackedNode | undefined,
  patch: TrackedNode,
  budget: WorkBudget,
  notes?: MergeNotes,
  field?: string,
): TrackedNode | undefined {
  budget.spend(1);
  if (patch.type === 'map') return mergeMap(original, patch, budget, notes);
  if (patch.type === 'seq')
    return mergeSeq(original, patch, budget, notes, field);
  return { ...patch };
}

function mergeMap(
  original: TrackedNode | undefined,
  patch: TrackedMap,
  budget: WorkBudget,
  notes: MergeNotes | undefined,
): TrackedNode | undefined {
  const directive = stringAt(patch, DIRECTIVE);
  if (directive === 'delete') return undefined;
  const target: TrackedMap =
    original?.type === 'map' && directive !== 'replace'
      ? original
      : { type: 'map', entries: new Map(), origin: patch.origin };
  let retain: Set<string> | undefined;
  for (const [key, value] of patch.entries) {
    budget.spend(1);
    if (key === DIRECTIVE || key.startsWith(SET_ELEMENT_ORDER)) continue;
    if (key === RETAIN_KEYS) {
      if (value.type === 'seq')
        retain = new Set(
          value.items.flatMap(item =>
            item.type === 'scalar' ? [String(item.value)] : [],
          ),
        );
      continue;
    }
    if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
      deleteFromPrimitiveList(
        target,
        key.slice(DELETE_FROM_PRIMITIVE_LIST.length),
        value,
        budget,
      );
      continue;
    }
    if (value.type === 'scalar' && value.value === null) {
      target.entries.delete(key);
      continue;
    }
    const merged = strategicMerge(
      target.entries.get(key),
      value,
      budget,
      notes,
      key,
    );
    if (merged === undefined) target.entries.delete(key);
    else target.entries.set(key, merged);
  }
  if (retain) {
    for (const key of [...target.entries.keys()])
      if (!retain.has(key)) target.entries.delete(key);
  }
  return target;
}

function mergeSeq(
  original: TrackedNode | undefined,
  patch: TrackedSeq,
  budget: WorkBudget,
  notes: MergeNotes | undefined,
  field: string | undefined,
): TrackedNode | undefined {
  const replaceAll = patch.items.some(
    item => item.type === 'map' && stringAt(item, DIRECTIVE) === 'replace',
  );
  const items = patch.items.filter(
    item => !(item.type === 'map' && stringAt(item, DIRECTIVE) === 'replace'),
  );
  const mergeKey =
    field === undefined ? undefined : mergeKeyOf(field, original, items);
  if (replaceAll || !mergeKey || original?.type !== 'seq') {
    return {
      type: 'seq',
      items: items.flatMap(item => {
        if (item.type === 'map' && stringAt(item, DIRECTIVE) === 'delete')
          return [];
        const copy = strategicMerge(undefined, item, budget, notes);
        return copy ? [copy] : [];
      }),
      origin: patch.origin,
    };
  }
  const result: (TrackedNode | undefined)[] = [...original.items];
  const indexByKey = new Map<string, number>();
  result.forEach((item, index) => {
    budget.spend(1);
    const key = stringAt(item, mergeKey);
    if (key !== undefined && !indexByKey.has(key)) indexByKey.set(key, index);
  });
  for (const item of items) {
    budget.spend(1);
    const key = stringAt(item, mergeKey);
    const index = key === undefined ? undefined : indexByKey.get(key);
    if (index === undefined) {
      if (item.type === 'map' && stringAt(item, DIRECTIVE) === 'delete')
        continue;
      const added = strategicMerge(undefined, item, budget, notes);
      if (!added) continue;
      if (key !== undefined) {
        indexByKey.set(key, result.length);
        notes?.addedElements.push({ field: field!, key: mergeKey, value: key });
      }
      result.push(added);
      continue;
    }
    result[index] = strategicMerge(result[index], item, budget, notes);
  }
  return {
    type: 'seq',
    items: result.filter((item): item is TrackedNode => item !== undefined),
    origin: original.origin,
  };
}

/** The merge key of a list field, judged by the keys its elements carry. */
function mergeKeyOf(
  field: string,
  original: TrackedNode | undefined,
  items: readonly TrackedNode[],
): string | undefined {
  const candidates = MERGE_KEYS[field];
  if (!candidates) return undefined;
  if (candidates.length === 1) return candidates[0];
  const elements = [
    ...items,
    ...(original?.type === 'seq' ? original.items.slice(0, 1) : []),
  ];
  return candidates.find(key =>
    elements.some(item => stringAt(item, key) !== undefined),
  );
}

function deleteFromPrimitiveList(
  target: TrackedMap,
  field: string,
  values: TrackedNode,
  budget: WorkBudget,
) {
  const list = target.entries.get(field);
  if (list?.type !== 'seq' || values.type !== 'seq') return;
  const doomed = new Set(
    values.items.flatMap(item =>
      item.type === 'scalar' ? [String(item.value)] : [],
    ),
  );
  budget.spend(list.items.length);
  list.items = list.items.filter(
    item => !(item.type === 'scalar' && doomed.has(String(item.value))),
  );
}
