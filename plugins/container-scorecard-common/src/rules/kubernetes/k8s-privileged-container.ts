import { defineRule } from '../framework/defineRule';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Flags containers (init and ephemeral ones included) with `securityContext.privileged: true`. */
export const k8sPrivilegedContainer = defineRule({
  id: 'k8s-privileged-container',
  pillar: 'least-privilege',
  severity: 'critical',
  appliesTo: ['kubernetes'],
  title: 'Privileged container',
  message:
    'This container runs privileged: it gets every capability and every device of the node.',
  rationale:
    "A pod is a group of processes sharing a node with other teams' pods. A privileged container is no longer confined to its namespaces: it can load kernel modules, reach every device and escape to the node, and from there to every workload scheduled on it.",
  remediation: {
    description:
      'Remove `privileged: true`; add only the capabilities the process needs, and forbid escalation.',
    before:
      'containers:\n  - name: app\n    image: acme/app:1.4\n    securityContext:\n      privileged: true',
    after:
      'containers:\n  - name: app\n    image: acme/app:1.4\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities:\n        drop: [ALL]',
  },
  equivalents: {
    kubeLinter: 'privileged-container',
    polaris: 'runAsPrivileged',
    checkov: 'CKV_K8S_16',
    kubeScore: 'container-security-context-privileged',
    trivy: 'KSV-0017',
    kics: 'Container Is Privileged',
  },
  equivalentLinks: {
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=privileged-container',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/runAsPrivileged.yaml',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/PrivilegedContainers.py',
    kubeScore:
      'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md',
    trivy: 'https://avd.aquasec.com/misconfig/ksv017',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/dd29336b-fe57-445b-a26e-e6aa867ae609/',
  },
  equivalentsNote:
    "Same test as every peer: `securityContext.privileged: true` on any container. Polaris' `privilegeEscalationAllowed` is a different check (allowPrivilegeEscalation), mapped to k8s-privilege-escalation.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload =>
      workload.containers.flatMap(container => {
        const securityContext = container.value.securityContext;
        if (!isRecord(securityContext) || securityContext.privileged !== true)
          return [];
        const location = container.locate(['securityContext', 'privileged']);
        const where = `${workload.kind} "${workload.name ?? '(unnamed)'}"`;
        const which =
          container.group === 'containers'
            ? 'Container'
            : `${container.group.replace(/s$/, '')}`;
        return [
          {
            range: location?.pairRange ?? container.range,
            message: `${which} "${
              container.name ?? container.index
            }" of ${where} runs privileged: it gets every capability and every device of the node.`,
          },
        ];
      }),
    );
  },
});
