import { defineRule } from '../framework/defineRule';
import {
  containerAnchor,
  containerLabel,
  containerSecurityContext,
  declaredContainers,
  isWindowsPod,
} from './k8sHelpers';

/** Flags containers that do not set `allowPrivilegeEscalation: false` (the default allows it). */
export const k8sPrivilegeEscalation = defineRule({
  id: 'k8s-privilege-escalation',
  pillar: 'least-privilege',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Container allows privilege escalation',
  message:
    'This container does not set `allowPrivilegeEscalation: false`: a setuid binary can still gain privileges.',
  rationale:
    'Dropping to a non-root user only helps if the process cannot climb back. Unless `allowPrivilegeEscalation` is false, the kernel honours setuid and setgid binaries and file capabilities inside the container, so an attacker with code execution can regain root through any such binary left in the image. Setting it to false turns on `no_new_privs`: the process keeps at most what it started with.',
  remediation: {
    description:
      "Set `allowPrivilegeEscalation: false` in every container's securityContext (it is a container-level setting: the pod securityContext has no such field).",
    before: 'containers:\n  - name: app\n    image: acme/app:1.4',
    after:
      'containers:\n  - name: app\n    image: acme/app:1.4\n    securityContext:\n      allowPrivilegeEscalation: false',
  },
  equivalents: {
    polaris: 'privilegeEscalationAllowed',
    checkov: 'CKV_K8S_20',
    trivy: 'KSV-0001',
    kubeLinter: 'privilege-escalation-container',
    kics: 'Privilege Escalation Allowed',
  },
  equivalentLinks: {
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/privilegeEscalationAllowed.yaml',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/AllowPrivilegeEscalation.py',
    trivy: 'https://avd.aquasec.com/misconfig/ksv001',
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=privilege-escalation-container',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/5572cc5e-1e4c-4113-92a6-7a8a3bd25e6d/',
  },
  equivalentsNote:
    "kube-linter's `privilege-escalation-container` only flags an explicit `true`; this rule, like Polaris, Checkov, Trivy and KICS, also flags the unset default, which allows escalation. Polaris also accepts an `allowPrivilegeEscalation: false` written in the pod-level securityContext, where Kubernetes has no such field (it is dropped), so such a container is still reported here. Windows pods are skipped.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      if (isWindowsPod(workload)) return [];
      return declaredContainers(workload).flatMap(container => {
        const value =
          containerSecurityContext(container).allowPrivilegeEscalation;
        if (value === false) return [];
        const label = containerLabel(workload, container);
        if (value === true) {
          return [
            {
              range:
                container.locate([
                  'securityContext',
                  'allowPrivilegeEscalation',
                ])?.pairRange ?? containerAnchor(container),
              message: `${label} sets \`allowPrivilegeEscalation: true\`: a setuid binary can gain privileges.`,
            },
          ];
        }
        return [
          {
            range: containerAnchor(container),
            message: `${label} does not set \`allowPrivilegeEscalation: false\`: a setuid binary can still gain privileges.`,
          },
        ];
      });
    });
  },
});
