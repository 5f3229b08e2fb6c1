import type { SourceRange } from '../../model/types';
import type { KubernetesWorkload } from '../../parsing/kubernetes/kubernetesTypes';
import { isRecord } from './k8sHelpers';

/** One annotation of a pod template and where it is written. */
export interface PodAnnotation {
  value: unknown;
  range?: SourceRange;
}

/**
 * An annotation of the pods a workload creates: from the pod template's `metadata` (for a bare
 * Pod, its own `metadata`), which is where the kubelet reads the legacy seccomp and AppArmor
 * annotations.
 */
export function podAnnotation(
  workload: KubernetesWorkload,
  key: string,
): PodAnnotation | undefined {
  const metadataPath = [...workload.podSpecPath.slice(0, -1), 'metadata'];
  let node: unknown = workload.document.value;
  for (const segment of metadataPath) {
    if (!isRecord(node)) return undefined;
    node = node[segment];
  }
  if (!isRecord(node) || !isRecord(node.annotations)) return undefined;
  if (!(key in node.annotations)) return undefined;
  return {
    value: node.annotations[key],
    range: workload.document.locate([...metadataPath, 'annotations', key])
      ?.pairRange,
  };
}
