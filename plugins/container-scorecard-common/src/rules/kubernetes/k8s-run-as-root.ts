import { defineRule } from '../framework/defineRule';
import {
  asInteger,
  containerAnchor,
  containerLabel,
  declaredContainers,
  effectiveSecuritySetting,
  isWindowsPod,
} from './k8sHelpers';

/**
 * Flags containers that may run as root. A container inherits `runAsNonRoot` and `runAsUser` from
 * the pod's `securityContext` unless it sets its own. It passes when the effective `runAsNonRoot`
 * is true or the effective `runAsUser` is above 0, and fails whenever the effective `runAsUser` is 0.
 */
export const k8sRunAsRoot = defineRule({
  id: 'k8s-run-as-root',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['kubernetes'],
  title: 'Container may run as root',
  message:
    "This container may run as root: set `runAsNonRoot: true` (and a non-zero `runAsUser`) in its or the pod's securityContext.",
  rationale:
    'A container is a process on a shared kernel, and root in the container is root on that kernel, held back only by capabilities and namespaces. A single escape bug then hands over the node. Most images run as root unless told otherwise, so the manifest is where to make "not root" a guarantee: with `runAsNonRoot: true` the kubelet refuses to start a container that would run as UID 0.',
  remediation: {
    description:
      'Set `runAsNonRoot: true` and a non-zero `runAsUser` in the pod securityContext (containers inherit it), and make the image work as that user.',
    before: 'spec:\n  containers:\n    - name: app\n      image: acme/app:1.4',
    after:
      'spec:\n  securityContext:\n    runAsNonRoot: true\n    runAsUser: 10001\n  containers:\n    - name: app\n      image: acme/app:1.4',
  },
  equivalents: {
    kubeLinter: 'run-as-non-root',
    polaris: 'runAsRootAllowed',
    checkov: 'CKV_K8S_23',
    trivy: 'KSV-0012, KSV-0105',
    kics: 'Container Running As Root',
  },
  equivalentLinks: {
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=run-as-non-root',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/runAsRootAllowed.yaml',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/RootContainers.py',
    trivy: 'https://avd.aquasec.com/misconfig/ksv012',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/cf34805e-3872-4c08-bf92-6ff7bb0cfadb/',
  },
  equivalentsNote:
    "Like kube-linter, Polaris and Checkov, a non-zero `runAsUser` alone is accepted; kube-score's `container-security-context-user-group-id` asks for more (UID and GID above 10000). Trivy KSV-0105 (an explicit `runAsUser: 0`) is the explicit-root half of this rule. Windows pods are skipped.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      if (isWindowsPod(workload)) return [];
      return declaredContainers(workload).flatMap(container => {
        const user = effectiveSecuritySetting(workload, container, 'runAsUser');
        const nonRoot = effectiveSecuritySetting(
          workload,
          container,
          'runAsNonRoot',
        );
        const uid = asInteger(user.value);
        const label = containerLabel(workload, container);
        if (uid === 0) {
          return [
            {
              range: user.range ?? containerAnchor(container),
              message: `${label} runs as root: \`runAsUser: 0\`${
                user.from === 'pod'
                  ? ' inherited from the pod securityContext'
                  : ''
              }.`,
            },
          ];
        }
        if (nonRoot.value === true || (uid !== undefined && uid > 0)) return [];
        if (nonRoot.value === false) {
          return [
            {
              range: nonRoot.range ?? containerAnchor(container),
              message: `${label} may run as root: \`runAsNonRoot: false\`${
                nonRoot.from === 'pod' ? ' in the pod securityContext' : ''
              } and no non-zero \`runAsUser\`.`,
            },
          ];
        }
        return [
          {
            range: containerAnchor(container),
            message: `${label} may run as root: neither it nor the pod sets \`runAsNonRoot: true\` or a non-zero \`runAsUser\`.`,
          },
        ];
      });
    });
  },
});
