import { defineRule } from '../framework/defineRule';
import {
  containerAnchor,
  containerLabel,
  isRecord,
  runsToCompletion,
} from './k8sHelpers';

/**
 * Flags the regular containers of long-running workloads that lack a liveness or a readiness
 * probe. Jobs, CronJobs and Pods that are not restarted run to completion and are exempt, as are
 * init and ephemeral containers.
 */
export const k8sMissingProbes = defineRule({
  id: 'k8s-missing-probes',
  pillar: 'lifecycle',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Container has no liveness or readiness probe',
  message:
    'This container has no liveness or readiness probe: Kubernetes only knows its process is running, not that it works.',
  rationale:
    'A container is a process, and a process can be alive while the service behind it is not: deadlocked, still warming up, cut off from its database. A readiness probe keeps traffic away until the container can serve it (and during rollouts); a liveness probe lets the kubelet restart a container that is stuck. Without them, a broken pod keeps receiving requests and a rollout of a broken version looks healthy.',
  remediation: {
    description:
      'Add a readiness probe on an endpoint that checks the service can serve, and a liveness probe on a cheap endpoint that only fails when a restart would help (add a startupProbe for slow starters).',
    before: 'containers:\n  - name: api\n    image: acme/api:3.2',
    after:
      'containers:\n  - name: api\n    image: acme/api:3.2\n    readinessProbe:\n      httpGet: { path: /ready, port: 8080 }\n    livenessProbe:\n      httpGet: { path: /healthz, port: 8080 }\n      periodSeconds: 20',
  },
  equivalents: {
    kubeLinter: 'no-liveness-probe, no-readiness-probe',
    polaris: 'livenessProbeMissing, readinessProbeMissing',
    checkov: 'CKV_K8S_8, CKV_K8S_9',
    kubeScore: 'pod-probes',
    kics: 'Liveness Probe Is Not Defined',
  },
  equivalentLinks: {
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=no-liveness-probe',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/livenessProbeMissing.yaml',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/LivenessProbe.py',
    kubeScore:
      'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/ade74944-a674-4e00-859e-c6eab5bde441/',
  },
  equivalentsNote:
    'One rule for both probes: each peer splits it into a liveness and a readiness check (listed in that order; the links point at the liveness one). Like Checkov, Jobs and CronJobs are exempt.',
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      if (runsToCompletion(workload)) return [];
      return workload.containers
        .filter(container => container.group === 'containers')
        .flatMap(container => {
          const missing = (['livenessProbe', 'readinessProbe'] as const).filter(
            probe => !isRecord(container.value[probe]),
          );
          if (missing.length === 0) return [];
          return [
            {
              range: containerAnchor(container),
              message: `${containerLabel(workload, container)} has no ${missing
                .map(p => (p === 'livenessProbe' ? 'liveness' : 'readiness'))
                .join(
                  ' or ',
                )} probe: Kubernetes only knows its process is running, not that it works.`,
            },
          ];
        });
    });
  },
});
