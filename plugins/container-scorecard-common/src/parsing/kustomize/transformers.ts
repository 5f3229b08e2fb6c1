import type {
  KustomizeOrigin,
  KustomizeResource,
  TrackedMap,
  TrackedNode,
} from './kustomizeTypes';
import { identityOf } from './targetSelector';
import { ensureMap, entryOf, stringAt } from './trackedYaml';
import type { WorkBudget } from './workBudget';

/** Objects that belong to no namespace: the namespace transformer leaves them alone. */
const CLUSTER_SCOPED_KINDS = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PersistentVolume',
  'StorageClass',
  'PriorityClass',
  'IngressClass',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'PodSecurityPolicy',
  'Node',
  'CertificateSigningRequest',
  'ClusterIssuer',
]);

/** Kinds kustomize never renames (`namePrefix`/`nameSuffix`). */
const NOT_RENAMED_KINDS = new Set([
  'CustomResourceDefinition',
  'APIService',
  'Namespace',
]);

/** A value a transformer sets, with the kustomization entry it comes from. */
export interface TrackedValue {
  value: string;
  origin?: KustomizeOrigin;
}

function scalar(value: string, origin?: KustomizeOrigin): TrackedNode {
  return { type: 'scalar', value, origin };
}

/** `namespace:` sets the namespace of every namespaced object. */
export function setNamespace(
  resources: readonly KustomizeResource[],
  namespace: TrackedValue,
) {
  for (const resource of resources) {
    if (CLUSTER_SCOPED_KINDS.has(identityOf(resource.node).kind)) continue;
    ensureMap(resource.node, ['metadata'], namespace.origin).entries.set(
      'namespace',
      scalar(namespace.value, namespace.origin),
    );
  }
}

/** `namePrefix` / `nameSuffix`; the former name is kept for later patches' targets. */
export function renameResources(
  resources: readonly KustomizeResource[],
  prefix: TrackedValue | undefined,
  suffix: TrackedValue | undefined,
) {
  if (!prefix?.value && !suffix?.value) return;
  for (const resource of resources) {
    const id = identityOf(resource.node);
    if (NOT_RENAMED_KINDS.has(id.kind) || !id.name) continue;
    resource.previousNames.push(id.name);
    ensureMap(resource.node, ['metadata'], undefined).entries.set(
      'name',
      scalar(
        `${prefix?.value ?? ''}${id.name}${suffix?.value ?? ''}`,
        prefix?.origin ?? suffix?.origin,
      ),
    );
  }
}

type FieldPath = readonly string[];

const TEMPLATE_LABELS: Record<string, readonly FieldPath[]> = {
  Deployment: [['spec', 'template', 'metadata', 'labels']],
  ReplicaSet: [['spec', 'template', 'metadata', 'labels']],
  DaemonSet: [['spec', 'template', 'metadata', 'labels']],
  StatefulSet: [['spec', 'template', 'metadata', 'labels']],
  ReplicationController: [['spec', 'template', 'metadata', 'labels']],
  Job: [['spec', 'template', 'metadata', 'labels']],
  CronJob: [
    ['spec', 'jobTemplate', 'metadata', 'labels'],
    ['spec', 'jobTemplate', 'spec', 'template', 'metadata', 'labels'],
  ],
};

/** Selector fields `commonLabels` extends: created when missing, or only extended. */
const SELECTOR_LABELS: Record<
  string,
  readonly { path: FieldPath; create: boolean }[]
> = {
  Service: [{ path: ['spec', 'selector'], create: true }],
  ReplicationController: [{ path: ['spec', 'selector'], create: true }],
  Deployment: [{ path: ['spec', 'selector', 'matchLabels'], create: true }],
  ReplicaSet: [{ path: ['spec', 'selector', 'matchLabels'], create: true }],
  DaemonSet: [{ path: ['spec', 'selector', 'matchLabels'], create: true }],
  StatefulSet: [{ path: ['spec', 'selector', 'matchLabels'], create: true }],
  Job: [{ path: ['spec', 'selector', 'matchLabels'], create: false }],
  PodDisruptionBudget: [
    { path: ['spec', 'selector', 'matchLabels'], create: false },
  ],
  NetworkPolicy: [
    { path: ['spec', 'podSelector', 'matchLabels'], create: false },
  ],
};

const TEMPLATE_ANNOTATIONS: Record<string, readonly FieldPath[]> =
  Object.fromEntries(
    Object.entries(TEMPLATE_LABELS).map(([kind, paths]) => [
      kind,
      paths.map(path => [...path.slice(0, -1), 'annotations']),
    ]),
  );

/** Where labels go: object metadata always, selectors and pod templates on request. */
export interface LabelTargets {
  selectors: boolean;
  templates: boolean;
}

/** `commonLabels` (selectors and templates too) and `labels` entries. */
export function addLabels(
  resources: readonly KustomizeResource[],
  pairs: ReadonlyMap<string, TrackedValue>,
  targets: LabelTargets,
  budget: WorkBudget,
) {
  if (pairs.size === 0) return;
  for (const resource of resources) {
    const kind = identityOf(resource.node).kind;
    const paths: { path: FieldPath; create: boolean }[] = [
      { path: ['metadata', 'labels'], create: true },
    ];
    if (targets.templates || targets.selectors)
      for (const path of TEMPLATE_LABELS[kind] ?? [])
        paths.push({ path, create: true });
    if (targets.selectors) paths.push(...(SELECTOR_LABELS[kind] ?? []));
    for (const { path, create } of paths)
      setPairs(resource.node, path, pairs, create, budget);
  }
}

/** `commonAnnotations`: object metadata and pod templates. */
export function addAnnotations(
  resources: readonly KustomizeResource[],
  pairs: ReadonlyMap<string, TrackedValue>,
  budget: WorkBudget,
) {
  if (pairs.size === 0) return;
  for (const resource of resources) {
    const kind = identityOf(resource.node).kind;
    for (const path of [
      ['metadata', 'annotations'],
      ...(TEMPLATE_ANNOTATIONS[kind] ?? []),
    ])
      setPairs(resource.node, path, pairs, true, budget);
  }
}

function setPairs(
  node: TrackedMap,
  path: FieldPath,
  pairs: ReadonlyMap<string, TrackedValue>,
  create: boolean,
  budget: WorkBudget,
) {
  if (!create && !exists(node, path)) return;
  const first = pairs.values().next().value as TrackedValue | undefined;
  const map = ensureMap(node, path, first?.origin);
  for (const [key, { value, origin }] of pairs) {
    budget.spend(1);
    map.entries.set(key, scalar(value, origin));
  }
}

function exists(node: TrackedNode, path: FieldPath): boolean {
  let current: TrackedNode | undefined = node;
  for (const step of path) current = entryOf(current, step);
  return current?.type === 'map';
}

/** `replicas:` entries: `spec.replicas` of the objects of that name. */
export function setReplicas(
  resources: readonly KustomizeResource[],
  name: string,
  count: TrackedNode,
) {
  for (const resource of resources) {
    const id = identityOf(resource.node);
    if (id.name !== name && !resource.previousNames.includes(name)) continue;
    if (!entryOf(resource.node, 'spec')) continue;
    ensureMap(resource.node, ['spec'], count.origin).entries.set('replicas', {
      ...count,
    });
  }
}

/** An `images:` entry. */
export interface ImageOverride {
  name: string;
  newName?: string;
  newTag?: string;
  digest?: string;
  origin?: KustomizeOrigin;
}

const CONTAINER_LISTS = new Set(['containers', 'initContainers']);

/**
 * The `images` transformer: every `image` of a `containers` or `initContainers` list, at any
 * depth (kustomize's legacy filter does the same), whose name is the entry's `name`.
 */
export function overrideImages(
  resources: readonly KustomizeResource[],
  override: ImageOverride,
  budget: WorkBudget,
) {
  const visit = (node: TrackedNode, depth: number) => {
    budget.spend(1);
    if (depth > 64) return;
    if (node.type === 'seq') {
      for (const item of node.items) visit(item, depth + 1);
      return;
    }
    if (node.type !== 'map') return;
    for (const [key, value] of node.entries) {
      if (CONTAINER_LISTS.has(key) && value.type === 'seq') {
        for (const container of value.items) {
          const image = stringAt(container, 'image');
          if (container.type !== 'map' || image === undefined) continue;
          const updated = applyImageOverride(image, override);
          if (updated !== undefined)
            container.entries.set('image', scalar(updated, override.origin));
        }
      }
      visit(value, depth + 1);
    }
  };
  for (const resource of resources) visit(resource.node, 0);
}

/** The new reference for `image`, or `undefined` when the entry does not name it. */
export function applyImageOverride(
  image: string,
  override: ImageOverride,
): string | undefined {
  if (!image.startsWith(override.name)) return undefined;
  const rest = image.slice(override.name.length);
  if (!/^(@sha256)?(:[a-zA-Z0-9_.{}-]*)?$/.test(rest)) return undefined;
  let { name, tag, digest } = splitImage(image);
  if (override.newName) name = override.newName;
  if (override.newTag && override.digest) {
    tag = override.newTag;
    digest = override.digest;
  } else if (override.newTag) {
    tag = override.newTag;
    digest = '';
  } else if (override.digest) {
    tag = '';
    digest = override.digest;
  }
  return `${name}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
}

/** Name, tag and digest of an image reference (a registry port is part of the name). */
function splitImage(image: string) {
  const slash = image.indexOf('/');
  const searchFrom = slash < 0 ? 0 : slash;
  const at = image.indexOf('@', searchFrom);
  const colon = image.indexOf(':', searchFrom);
  if (at >= 0 && (colon < 0 || at < colon))
    return { name: image.slice(0, at), tag: '', digest: image.slice(at + 1) };
  if (colon < 0) return { name: image, tag: '', digest: '' };
  const name = image.slice(0, colon);
  if (at < 0) return { name, tag: image.slice(colon + 1), digest: '' };
  return {
    name,
    tag: image.slice(colon + 1, at),
    digest: image.slice(at + 1),
  };
}
