import { defineRule } from '../framework/defineRule';
import type { RuleReport } from '../framework/ruleTypes';
import { asInteger, containerLabel, isRecord } from './k8sHelpers';

/** Flags container ports that set a `hostPort` (a port opened on the node itself). */
export const k8sHostPort = defineRule({
  id: 'k8s-host-port',
  pillar: 'least-privilege',
  severity: 'medium',
  appliesTo: ['kubernetes'],
  title: 'Container binds a port on the node',
  message:
    "This container sets a hostPort: it opens a port on the node's own address.",
  rationale:
    'A pod has its own network namespace and its own address; a Service is how others reach it. A hostPort punches through that: the node forwards one of its own ports into the container, on every address of the node, outside Services and often outside NetworkPolicies. Only one pod per node can hold the port, so replicas stop scheduling once the nodes run out, and the pod becomes reachable from wherever the node is.',
  remediation: {
    description:
      'Remove `hostPort` and expose the container through a Service (ClusterIP, or NodePort/LoadBalancer for traffic from outside the cluster). Node agents that must listen on the node are the exception: waive the finding for them.',
    before: 'ports:\n  - containerPort: 8080\n    hostPort: 8080',
    after: 'ports:\n  - containerPort: 8080',
  },
  equivalents: {
    trivy: 'KSV-0024',
    polaris: 'hostPortSet',
    checkov: 'CKV_K8S_26',
  },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ksv024',
    polaris: 'https://polaris.docs.fairwinds.com/checks/networking/',
    checkov:
      'https://github.com/bridgecrewio/checkov/blob/main/checkov/kubernetes/checks/resource/k8s/HostPort.py',
  },
  equivalentsNote:
    'Polaris accepts `hostPort: 0` (the API default for "none"), as this rule does; Checkov reports any `hostPort` key, including 0. Regular, init and ephemeral containers are all read, as Trivy does.',
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload =>
      workload.containers.flatMap(container => {
        const ports = container.value.ports;
        if (!Array.isArray(ports)) return [];
        const reports: RuleReport[] = [];
        ports.forEach((port, index) => {
          if (!isRecord(port) || port.hostPort === undefined) return;
          const hostPort = asInteger(port.hostPort);
          if (hostPort === 0) return;
          reports.push({
            range:
              container.locate(['ports', index, 'hostPort'])?.pairRange ??
              container.range,
            message: `${containerLabel(
              workload,
              container,
            )} sets \`hostPort: ${String(
              port.hostPort,
            )}\`: it opens a port on the node's own address.`,
          });
        });
        return reports;
      }),
    );
  },
});
