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
    polaris: 'memoryLimitsMissing, cpuRequestsMissing',
    checkov: 'CKV_K8S_13, CKV_K8S_10',
    kubeScore: 'container-resources',
    trivy: 'KSV-0018, KSV-0015',
    kics: 'Memory Limits Not Defined, CPU Requests Not Set',
  },
  equivalentLinks: {
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=unset-memory-requirements',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/memoryLimitsMissing.yaml',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/MemoryLimits.py',
    kubeScore:
      'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md',
    trivy: 'https://avd.aquasec.com/misconfig/ksv018',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/b14d1bc4-a208-45db-92f0-e21f8e2588e9/',
  },
  equivalentsNote:
    'One finding per container for two peer checks each: the memory limit (Polaris `memoryLimitsMissing`, Checkov CKV_K8S_13, Trivy KSV-0018, KICS "Memory Limits Not Defined") and the CPU request (Polaris `cpuRequestsMissing`, Checkov CKV_K8S_10, Trivy KSV-0015, KICS "CPU Requests Not Set"); the links point at the memory-limit half. Like KICS, Checkov and Trivy, init containers are checked (Polaris skips them). A CPU limit counts as a CPU request, because Kubernetes copies a limit into a missing request; the peers want `requests.cpu` written out. No CPU limit is required (kube-linter\'s `unset-cpu-requirements`, kube-score and Checkov CKV_K8S_11 want one): it throttles even on an idle node. No separate memory-request rule exists, deliberately: Polaris `memoryRequestsMissing`, Checkov CKV_K8S_12, Trivy KSV-0016, KICS "Memory Requests Not Defined" and kube-linter\'s `unset-memory-requirements` (which wants a request and a limit) also report a container that sets only `limits.memory`, yet Kubernetes then uses the limit as the request; a container with neither is already reported here for its missing memory limit, so a second rule would only count that twice. Same meaning as compose-missing-resource-limits: the memory limit is the one that protects the neighbours.',
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
