import { defineRule } from '../framework/defineRule';
import type { RuleReport } from '../framework/ruleTypes';
import { isRecord, workloadLabel } from './k8sHelpers';

/**
 * The sysctls Kubernetes calls safe (namespaced per pod and isolated from other pods): the Pod
 * Security Standards' baseline list, which the kubelet also allows without configuration.
 */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
]);

/** Sysctl names may use `/` instead of `.` as the separator (`net/ipv4/tcp_syncookies`). */
function normalize(name: string): string {
  return name.trim().replace(/\//g, '.');
}

/** Flags `securityContext.sysctls` entries outside Kubernetes' safe set. */
export const k8sUnsafeSysctls = defineRule({
  id: 'k8s-unsafe-sysctls',
  pillar: 'least-privilege',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Pod sets an unsafe sysctl',
  message:
    'This pod sets a sysctl outside the safe set: it changes kernel settings other pods on the node share.',
  rationale:
    "A pod's processes run on the node's kernel. A few kernel settings are namespaced per pod and cannot affect anyone else; Kubernetes lists those as safe. Every other sysctl either reaches beyond the pod (memory, the network stack of the node, message queues shared with other pods) or can starve the node, which is why the kubelet refuses them unless an administrator allows each one. A workload that needs one is really asking for a dedicated, tainted node.",
  remediation: {
    description:
      'Remove the sysctl, or move the workload to nodes set up for it (kubelet `--allowed-unsafe-sysctls`, a taint and a toleration) and waive the finding there. Settings the application tunes for itself often have a safe equivalent (`net.ipv4.ip_local_port_range`, the tcp_keepalive_* family).',
    before:
      'securityContext:\n  sysctls:\n    - name: net.core.somaxconn\n      value: "1024"',
    after:
      'securityContext:\n  sysctls:\n    - name: net.ipv4.ip_local_port_range\n      value: "1024 65535"',
  },
  equivalents: {
    trivy: 'KSV-0026',
    kubeLinter: 'unsafe-sysctls',
  },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ksv026',
    kubeLinter:
      'https://docs.kubelinter.io/#/generated/checks?id=unsafe-sysctls',
  },
  equivalentsNote:
    "Trivy's KSV-0026 allows an older, shorter safe list (five names), so it also reports the names Kubernetes added later (`ip_local_reserved_ports`, the `tcp_keepalive_*`, `tcp_fin_timeout`, `tcp_rmem`/`tcp_wmem`). kube-linter reports names by prefix (`kernel.msg`, `kernel.sem`, `kernel.shm`, `fs.mqueue.`, `net.`), so it flags safe ones such as `net.ipv4.ip_local_port_range` and misses others such as `vm.*`. This rule uses Kubernetes' own safe list.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      const securityContext = workload.podSpec.securityContext;
      if (!isRecord(securityContext)) return [];
      const sysctls = securityContext.sysctls;
      if (!Array.isArray(sysctls)) return [];
      const reports: RuleReport[] = [];
      sysctls.forEach((sysctl, index) => {
        if (!isRecord(sysctl) || typeof sysctl.name !== 'string') return;
        if (SAFE_SYSCTLS.has(normalize(sysctl.name))) return;
        reports.push({
          range:
            workload.locateInPodSpec([
              'securityContext',
              'sysctls',
              index,
              'name',
            ])?.pairRange ?? workload.range,
          message: `${workloadLabel(workload)} sets the sysctl \`${
            sysctl.name
          }\`, outside the safe set: it changes kernel settings other pods on the node share.`,
        });
      });
      return reports;
    });
  },
});
