import { defineRule } from '../framework/defineRule';
import { containerLabel, containerSecurityContext } from './k8sHelpers';

/** Flags containers with `securityContext.procMount: Unmasked`. */
export const k8sProcMountUnmasked = defineRule({
  id: 'k8s-proc-mount-unmasked',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['kubernetes'],
  fixable: true,
  title: 'Container unmasks /proc',
  message:
    "This container sets `procMount: Unmasked`: the node kernel's sensitive /proc entries are open to it.",
  rationale:
    "The runtime mounts /proc into a container with a set of kernel entries hidden or read-only (/proc/kcore, /proc/sysrq-trigger, /proc/sys, timer and keyring lists), because those files are not about the container's own processes but about the node's kernel. `Unmasked` lifts that mask: a process can read kernel memory layouts, trigger sysrq on the node or write kernel settings. Only nested container runtimes need it, and those belong in user-namespaced pods.",
  remediation: {
    description: 'Remove `procMount` or set it to `Default`.',
    before: 'securityContext:\n  procMount: Unmasked',
    after: 'securityContext:\n  procMount: Default',
  },
  equivalents: {
    trivy: 'KSV-0027',
    kubeLinter: 'unsafe-proc-mount',
  },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ksv027',
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=unsafe-proc-mount',
  },
  equivalentsNote:
    "Trivy's KSV-0027 reports any `procMount` key, `Default` included; this rule, like kube-linter and the Pod Security Standards, reports only `Unmasked`.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload =>
      workload.containers.flatMap(container => {
        if (containerSecurityContext(container).procMount !== 'Unmasked')
          return [];
        const location = container.locate(['securityContext', 'procMount']);
        return [
          {
            range: location?.pairRange ?? container.range,
            message: `${containerLabel(
              workload,
              container,
            )} sets \`procMount: Unmasked\`: the node kernel's sensitive /proc entries are open to it.`,
            fix: location
              ? [{ range: location.range, newText: 'Default' }]
              : undefined,
          },
        ];
      }),
    );
  },
});
