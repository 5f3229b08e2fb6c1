import { defineRule } from '../framework/defineRule';
import {
  containerAnchor,
  containerLabel,
  declaredContainers,
  isRecord,
} from './k8sHelpers';

function quantity(
  resources: Record<string, unknown>,
  section: 'limits' | 'requests',
  name: 'memory' | 'cpu',
): boolean {
  const values = resources[section];
  if (!isRecord(values)) return false;
  const value = values[name];
  return (
    (typeof value === 'number' && value > 0) ||
    (typeof value === 'string' &&
      value.trim() !== '' &&
      !/^0+[a-zA-Z]*$/.test(value.trim()))
  );
}

/**
 * Flags containers (regular and init) without a memory limit, or without a CPU request.
 * A CPU limit is not required (it throttles even when the node is idle); a CPU request is, since
 * it is what the scheduler and the kernel use to share CPU. A limit alone also counts as a
 * request: Kubernetes copies it over when the request is absent.
 */
export const k8sMissingResourceLimits = defineRule({
  id: 'k8s-missing-resource-limits',
  pillar: 'lifecycle',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Container has no memory limit or CPU request',
  message:
    'This container sets no memory limit or no CPU request: the node cannot plan for it or contain it.',
  rationale:
    'Containers on a node share one kernel and one pool of memory. Without a memory limit, a leak in one container pushes the whole node into memory pressure and the kubelet evicts whichever pods it likes; with one, the guilty container is restarted on its own. Without a CPU request, the scheduler places the pod as if it needed nothing and the container gets the smallest share when the node is busy.',
  remediation: {
    description:
      'Set `resources.limits.memory` and `resources.requests.cpu` (and a memory request) from what the container really uses.',
    before: 'containers:\n  - name: app\n    image: acme/app:1.4',
    after:
      'containers:\n  - name: app\n    image: acme/app:1.4\n    resources:\n      requests:\n        cpu: 250m\n        memory: 256Mi\n      limits:\n        memory: 512Mi',
  },
  equivalents: {
    kubeLinter: 'unset-memory-requirements',
    polaris: 'memoryLimitsMissing',
    checkov: 'CKV_K8S_13',
    kubeScore: 'container-resources',
    trivy: 'KSV-0018',
  },
  equivalentsNote:
    'kube-linter separates `unset-memory-requirements` and `unset-cpu-requirements`, Polaris `memoryLimitsMissing` and `cpuRequestsMissing`, Checkov CKV_K8S_13 (memory limit) and CKV_K8S_10 (CPU request): this rule checks those two in one finding per container. It deliberately does not require a CPU limit (which kube-linter, kube-score and Checkov CKV_K8S_11 do).',
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload =>
      declaredContainers(workload).flatMap(container => {
        const resources = isRecord(container.value.resources)
          ? container.value.resources
          : {};
        const missing: string[] = [];
        if (!quantity(resources, 'limits', 'memory'))
          missing.push('memory limit');
        if (
          !quantity(resources, 'requests', 'cpu') &&
          !quantity(resources, 'limits', 'cpu')
        )
          missing.push('CPU request');
        if (missing.length === 0) return [];
        const where =
          container.locate(['resources', 'limits']) ??
          container.locate(['resources']);
        return [
          {
            range: where?.pairRange ?? containerAnchor(container),
            message: `${containerLabel(
              workload,
              container,
            )} has no ${missing.join(
              ' and no ',
            )}: the node cannot plan for it or contain it.`,
          },
        ];
      }),
    );
  },
});
