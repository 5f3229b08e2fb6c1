import type { YamlDocumentModel, YamlPath } from '../yaml/parseYamlDocuments';
import type {
  KubernetesContainer,
  KubernetesWorkload,
} from './kubernetesTypes';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, YamlPath> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** The Kubernetes kinds whose objects run containers. @public */
export const KUBERNETES_WORKLOAD_KINDS: readonly string[] =
  Object.keys(POD_SPEC_PATHS);

const CONTAINER_GROUPS = [
  'initContainers',
  'containers',
  'ephemeralContainers',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function valueAt(value: unknown, path: YamlPath): unknown {
  let current = value;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === 'number')
      current = current[step];
    else if (isRecord(current)) current = current[String(step)];
    else return undefined;
  }
  return current;
}

/** True when a document is a Kubernetes object of a workload kind. */
export function isWorkloadDocument(value: unknown): boolean {
  return (
    isRecord(value) &&
    typeof value.apiVersion === 'string' &&
    typeof value.kind === 'string' &&
    value.kind in POD_SPEC_PATHS
  );
}

/**
 * Finds the workloads of a manifest file, including the items of a `kind: List`.
 */
export function extractWorkloads(
  documents: YamlDocumentModel[],
): KubernetesWorkload[] {
  const workloads: KubernetesWorkload[] = [];
  for (const document of documents) {
    const value = document.value;
    if (
      isRecord(value) &&
      value.kind === 'List' &&
      Array.isArray(value.items)
    ) {
      value.items.forEach((item, index) => {
        const workload = toWorkload(document, item, ['items', index]);
        if (workload) workloads.push(workload);
      });
    } else {
      const workload = toWorkload(document, value, []);
      if (workload) workloads.push(workload);
    }
  }
  return workloads;
}

function toWorkload(
  document: YamlDocumentModel,
  object: unknown,
  objectPath: YamlPath,
): KubernetesWorkload | undefined {
  if (!isWorkloadDocument(object)) return undefined;
  const record = object as Record<string, unknown>;
  const kind = record.kind as string;
  const podSpecPath = [...objectPath, ...POD_SPEC_PATHS[kind]];
  const podSpec = valueAt(document.value, podSpecPath);
  if (!isRecord(podSpec)) return undefined;
  const metadata = isRecord(record.metadata) ? record.metadata : {};
  const containers: KubernetesContainer[] = [];
  for (const group of CONTAINER_GROUPS) {
    const list = podSpec[group];
    if (!Array.isArray(list)) continue;
    list.forEach((container, index) => {
      if (!isRecord(container)) return;
      const path = [...podSpecPath, group, index];
      const location = document.locate(path);
      containers.push({
        name: typeof container.name === 'string' ? container.name : undefined,
        image:
          typeof container.image === 'string' ? container.image : undefined,
        group,
        index,
        value: container,
        range: location?.range ?? document.range,
        path,
        locate: relative => document.locate([...path, ...relative]),
      });
    });
  }
  return {
    apiVersion: record.apiVersion as string,
    kind,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace:
      typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    documentIndex: document.index,
    range:
      (objectPath.length ? document.locate(objectPath)?.range : undefined) ??
      document.range,
    podSpec,
    podSpecPath,
    containers,
    locateInPodSpec: relative => document.locate([...podSpecPath, ...relative]),
    document,
  };
}
