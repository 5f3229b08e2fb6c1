import { defineRule } from '../framework/defineRule';
import type { RuleReport } from '../framework/ruleTypes';
import { containerLabel, isRecord, isTrue, workloadLabel } from './k8sHelpers';

/** Flags Windows `securityContext.windowsOptions.hostProcess: true`, at pod or container level. */
export const k8sHostProcess = defineRule({
  id: 'k8s-host-process',
  pillar: 'least-privilege',
  severity: 'critical',
  appliesTo: ['kubernetes'],
  title: 'Windows HostProcess container',
  message:
    "This pod runs a Windows HostProcess container: a process on the node itself, with the node's privileges.",
  rationale:
    "A HostProcess container is not isolated at all: it is a process started directly on the Windows node, in the node's network, with access to its filesystem and running as a node account (often SYSTEM). It is the Windows counterpart of a privileged container with every host namespace: whoever controls the container controls the node. It exists for node agents (CNI, storage, log shippers) installed by the cluster's operators, not for applications.",
  remediation: {
    description:
      "Remove `hostProcess: true` and `hostNetwork: true`. If this is a node agent, keep it in the cluster operators' namespace and waive the finding there.",
    before:
      'securityContext:\n  windowsOptions:\n    hostProcess: true\n    runAsUserName: "NT AUTHORITY\\\\SYSTEM"\nhostNetwork: true',
    after:
      'securityContext:\n  windowsOptions:\n    runAsUserName: ContainerUser',
  },
  equivalents: {
    trivy: 'KSV-0103',
    polaris: 'hostProcess',
  },
  equivalentLinks: {
    trivy: 'https://avd.aquasec.com/misconfig/ksv103',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/hostProcess.yaml',
  },
  equivalentsNote:
    "Same check as Trivy and Polaris: the pod-level and every container's `windowsOptions.hostProcess`.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload => {
      const reports: RuleReport[] = [];
      const pod = isRecord(workload.podSpec.securityContext)
        ? workload.podSpec.securityContext
        : {};
      if (
        isRecord(pod.windowsOptions) &&
        isTrue(pod.windowsOptions.hostProcess)
      ) {
        reports.push({
          range:
            workload.locateInPodSpec([
              'securityContext',
              'windowsOptions',
              'hostProcess',
            ])?.pairRange ?? workload.range,
          message: `${workloadLabel(
            workload,
          )} sets \`hostProcess: true\`: its containers run as processes on the node itself.`,
        });
      }
      for (const container of workload.containers) {
        const own = isRecord(container.value.securityContext)
          ? container.value.securityContext
          : {};
        if (
          !isRecord(own.windowsOptions) ||
          !isTrue(own.windowsOptions.hostProcess)
        )
          continue;
        reports.push({
          range:
            container.locate([
              'securityContext',
              'windowsOptions',
              'hostProcess',
            ])?.pairRange ?? container.range,
          message: `${containerLabel(
            workload,
            container,
          )} sets \`hostProcess: true\`: it runs as a process on the node itself.`,
        });
      }
      return reports;
    });
  },
});
