import { defineRule } from '../framework/defineRule';
import { isTrue, workloadLabel } from './k8sHelpers';

const NAMESPACE_KEYS: readonly { key: string; what: string }[] = [
  {
    key: 'hostNetwork',
    what: "the node's network stack (every interface, every port, localhost services)",
  },
  {
    key: 'hostPID',
    what: "the node's process table (it can see and signal every process on the node)",
  },
  { key: 'hostIPC', what: "the node's shared memory and IPC" },
];

/** Flags pods that join a node namespace: hostNetwork, hostPID or hostIPC set to true. */
export const k8sHostNamespaces = defineRule({
  id: 'k8s-host-namespaces',
  pillar: 'least-privilege',
  severity: 'high',
  appliesTo: ['kubernetes'],
  title: 'Pod shares a node namespace',
  message: 'This pod shares a namespace with the node.',
  rationale:
    "A pod's namespaces are what keep it a group of processes with its own view of the node. Sharing the node's network lets a pod bind node ports and reach the kubelet and other services listening on localhost; sharing the PID namespace lets it read other pods' environments (secrets included) and signal their processes; sharing IPC exposes their shared memory. One compromised pod then reaches every pod on the node.",
  remediation: {
    description:
      'Remove the setting. Expose the pod through a Service (or a hostPort if a node port is really needed) instead of the host network.',
    before:
      'spec:\n  hostNetwork: true\n  hostPID: true\n  containers:\n    - name: app\n      image: acme/app:1.4',
    after:
      'spec:\n  containers:\n    - name: app\n      image: acme/app:1.4\n      ports:\n        - containerPort: 8080',
  },
  equivalents: {
    kubeLinter: 'host-network, host-pid, host-ipc',
    polaris: 'hostNetworkSet, hostPIDSet, hostIPCSet',
    checkov: 'CKV_K8S_19, CKV_K8S_17, CKV_K8S_18',
    trivy: 'KSV-0009, KSV-0010, KSV-0008',
    kics: 'Shared Host Network Namespace, Shared Host PID Namespace, Shared Host IPC Namespace',
  },
  equivalentLinks: {
    kubeLinter: 'https://docs.kubelinter.io/#/generated/checks?id=host-network',
    polaris:
      'https://github.com/FairwindsOps/polaris/blob/master/pkg/config/checks/hostNetworkSet.yaml',
    checkov: 'https://www.checkov.io/5.Policy%20Index/kubernetes.html',
    trivy: 'https://avd.aquasec.com/misconfig/ksv009',
    kics: 'https://docs.kics.io/latest/queries/kubernetes-queries/6b6bdfb3-c3ae-44cb-88e4-7405c1ba2c8a/',
  },
  equivalentsNote:
    "One rule for the three namespaces, one finding per namespace shared: each peer splits it into three checks (listed in that order: network, PID, IPC); the links point at the network one. The same test as all of them: `hostNetwork`, `hostPID` or `hostIPC` set to true. Polaris' `hostIPCSet` failure example sets a field named `hostIPCSet` inside a container, which is not a Kubernetes field and shares nothing; it is not reported here.",
  check({ file }) {
    return file.kubernetes.workloads.flatMap(workload =>
      NAMESPACE_KEYS.flatMap(({ key, what }) => {
        if (!isTrue(workload.podSpec[key])) return [];
        const location = workload.locateInPodSpec([key]);
        return [
          {
            range: location?.pairRange ?? workload.range,
            message: `${workloadLabel(
              workload,
            )} sets \`${key}: true\`: it shares ${what}.`,
          },
        ];
      }),
    );
  },
});
