import { KUBERNETES_WORKLOAD_KINDS } from '../parsing/kubernetes/extractWorkloads';

const WORKLOAD_KIND_LINE = new RegExp(
  `^kind:\\s*["']?(${KUBERNETES_WORKLOAD_KINDS.join('|')})["']?\\s*$`,
  'm',
);

/**
 * Whether YAML text (often only the head of a file too large to read whole) claims to hold a
 * Kubernetes workload: an `apiVersion:` line and a `kind:` line naming a workload kind. Readers
 * use it to tell a too-large install manifest (worth reporting) from any other big YAML file.
 *
 * @public
 */
export function looksLikeKubernetesWorkload(text: string): boolean {
  return /^apiVersion:/m.test(text) && WORKLOAD_KIND_LINE.test(text);
}
