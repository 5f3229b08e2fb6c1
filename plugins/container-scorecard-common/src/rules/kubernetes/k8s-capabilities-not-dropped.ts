import type { SourceRange } from '../../model/types';
import { defineRule } from '../framework/defineRule';
import {
  containerAnchor,
  containerLabel,
  containerSecurityContext,
  declaredContainers,
  isRecord,
  isWindowsPod,
} from './k8sHelpers';
import { DANGEROUS_CAPABILITIES } from '../shared/capabilities';

function normalizeCapability(value: unknown): string {
  return typeof value === 'string'
    ? value.trim().toUpperCase().replace(/^CAP_/, '')
    : '';
}

/**
 * Flags containers that keep the runtime's default capabilities (no `drop: [ALL]`), and each
 * dangerous capability a container adds.
 */
export const k8sCapabilitiesNotDropped = defineRule({
  id: 'k8s-capabilities-not-dropped',
  pillar: 'least-privilege',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Container keeps or adds capabilities',
  message:
    'This container keeps the default Linux capabilities: drop ALL and add back only what it needs.',
  rationale:
    "Capabilities are root's powers cut into pieces, and the runtime hands every container a default handful: change any file's owner, bypass file permissions, open raw sockets, kill other users' processes. An application serving HTTP needs none of them. Starting from `drop: [ALL]` means an attacker inherits nothing; adding SYS_ADMIN, NET_ADMIN or ALL gives a path to the node.",
  remediation: {
    description:
      'Drop ALL in every container securityContext and add back the few capabilities the process has shown it needs (usually none; NET_BIND_SERVICE to bind a port below 1024).',
    before:
      'containers:\n  - name: app\n    image: acme/app:1.4\n    securityContext:\n      capabilities:\n        add: [NET_ADMIN]',
    after:
      'containers:\n  - name: app\n    image: acme/app:1.4\n    securityContext:\n      capabilities:\n        drop: [ALL]',
  },
  equivalents: {
    polaris: 'insecureCapabilities, dangerousCapabilities',
    checkov: 'CKV_K8S_37, CKV_K8S_39',
    trivy: 'KSV-0003, KSV-0005, KSV-0120',
  },
  equivalentLinks: {
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/insecureCapabilities.yaml',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/MinimizeCapabilities.py',
    trivy: 'https://avd.aquasec.com/misconfig/ksv003',
  },
  equivalentsNote:
    "Two halves, each with its peers (the links point at the first): no `drop: [ALL]` is Checkov CKV_K8S_37 and Trivy KSV-0003 (Polaris' `insecureCapabilities` too, though it also accepts a drop list that names each of the runtime's default capabilities instead of ALL; this rule asks for ALL, which also covers capabilities a runtime adds to its defaults later); a dangerous capability added is Polaris' `dangerousCapabilities`, Checkov CKV_K8S_39 and Trivy KSV-0005 (SYS_ADMIN) and KSV-0120 (SYS_MODULE), which this rule reads from one list of dangerous capabilities. kube-linter's `drop-net-raw-capability` is satisfied by dropping ALL. Privileged containers (every capability) are left to k8s-privileged-container; Windows pods are skipped.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      if (isWindowsPod(workload)) return [];
      return declaredContainers(workload).flatMap(container => {
        const securityContext = containerSecurityContext(container);
        // Privileged containers get every capability; k8s-privileged-container reports them.
        if (securityContext.privileged === true) return [];
        const capabilities = isRecord(securityContext.capabilities)
          ? securityContext.capabilities
          : {};
        const label = containerLabel(workload, container);
        const reports: { range: SourceRange; message: string }[] = [];
        const drop = Array.isArray(capabilities.drop) ? capabilities.drop : [];
        if (!drop.some(c => normalizeCapability(c) === 'ALL')) {
          const where =
            container.locate(['securityContext', 'capabilities', 'drop']) ??
            container.locate(['securityContext', 'capabilities']);
          reports.push({
            range: where?.pairRange ?? containerAnchor(container),
            message: `${label} does not drop ALL capabilities: it keeps the runtime's defaults.`,
          });
        }
        const add = Array.isArray(capabilities.add) ? capabilities.add : [];
        add.forEach((capability, index) => {
          const name = normalizeCapability(capability);
          if (!DANGEROUS_CAPABILITIES.has(name)) return;
          reports.push({
            range:
              container.locate([
                'securityContext',
                'capabilities',
                'add',
                index,
              ])?.range ?? containerAnchor(container),
            message:
              name === 'ALL'
                ? `${label} adds every capability: that is nearly privileged mode.`
                : `${label} adds ${name}, a capability that opens a path to the node.`,
          });
        });
        return reports;
      });
    });
  },
});
