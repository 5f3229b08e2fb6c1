import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  trivyHelloContainer,
  trivyPodInput,
  type PeerCase,
} from '../shared/peerCases';

const POLARIS_DIR = 'FairwindsOps/polaris test/checks';

/** Polaris' nginx Pod, with `podLines` in its spec and `containerLines` in its container. */
function polarisPod(podLines: string[], containerLines: string[] = []) {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: nginx',
    '  labels:',
    '    app.kubernetes.io/name: nginx',
    'spec:',
    ...podLines.map(l => `  ${l}`),
    '  containers:',
    '  - name: nginx',
    '    image: nginx',
    ...containerLines.map(l => `    ${l}`),
  );
}

/** One Deployment document of kube-linter's host-* test files (its pod spec has no containers). */
function kubeLinterDeployment(name: string, setting: string) {
  return lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    `      ${setting}`,
  );
}

function polaris(
  check: string,
  file: string,
  peerReports: boolean,
  content: string,
  differsBecause?: string,
): PeerCase {
  return {
    peer: 'polaris',
    check,
    source: `${POLARIS_DIR}/${check}/${file}`,
    name: file,
    path: 'pod.yaml',
    peerReports,
    content,
    differsBecause,
  };
}

// kube-linter's files hold four documents each: 1 and 3 are Deployments, 2 and 4 the same as
// OpenShift DeploymentConfigs (a kind this project does not read), so 1 and 3 are ported.
const kubeLinter = (check: string, key: string): PeerCase[] =>
  [
    ['dont-fire', `${key}: false`, false, 1],
    ['app', `${key}: true`, true, 3],
  ].map(([name, setting, peerReports, document]) => ({
    peer: 'kubeLinter',
    check,
    source: `stackrox/kube-linter tests/checks/${check}.yml (document ${document})`,
    name: `${setting}`,
    path: 'k8s.yaml',
    peerReports: peerReports as boolean,
    content: kubeLinterDeployment(name as string, setting as string),
  }));

const cases: PeerCase[] = [
  // Trivy's rego tests (KSV-0008 IPC, KSV-0009 network, KSV-0010 PID), their input documents as JSON.
  {
    peer: 'trivy',
    check: 'KSV-0008',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_ipc_test.rego test_host_ipc_set_to_true_denied',
    name: 'test_host_ipc_set_to_true_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-ipc', {
      hostIPC: true,
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0008',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_ipc_test.rego test_host_ipc_set_to_false_allowed',
    name: 'test_host_ipc_set_to_false_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-ipc', {
      hostIPC: false,
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0008',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_ipc_test.rego test_host_ipc_is_undefined_allowed',
    name: 'test_host_ipc_is_undefined_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-ipc', {
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0009',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_network_test.rego test_host_network_set_to_true_denied',
    name: 'test_host_network_set_to_true_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-host-network', {
      hostNetwork: true,
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0009',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_network_test.rego test_host_network_set_to_false_allowed',
    name: 'test_host_network_set_to_false_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-host-network', {
      hostNetwork: false,
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0009',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_network_test.rego test_host_network_is_undefined_allowed',
    name: 'test_host_network_is_undefined_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-host-network', {
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0010',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_pid_test.rego test_host_pid_set_to_true_denied',
    name: 'test_host_pid_set_to_true_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-host-pid', {
      hostPID: true,
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0010',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_pid_test.rego test_host_pid_set_to_false_allowed',
    name: 'test_host_pid_set_to_false_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-host-pid', {
      hostPID: false,
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0010',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/1_host_pid_test.rego test_host_pid_is_undefined_allowed',
    name: 'test_host_pid_is_undefined_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-host-pid', {
      containers: [trivyHelloContainer()],
    }),
  },
  polaris(
    'hostIPCSet',
    'failure.yaml',
    true,
    polarisPod([], ['hostIPCSet: true']),
    '`hostIPCSet` is not a Kubernetes field (the API server rejects a container that sets it), so no IPC namespace is shared',
  ),
  polaris(
    'hostIPCSet',
    'success.yaml',
    false,
    polarisPod([], ['hostIPC: false']),
  ),
  polaris('hostPIDSet', 'failure.yaml', true, polarisPod(['hostPID: true'])),
  polaris('hostPIDSet', 'success.yaml', false, polarisPod(['hostPID: false'])),
  polaris(
    'hostNetworkSet',
    'failure.yaml',
    true,
    polarisPod(['hostNetwork: true']),
  ),
  polaris(
    'hostNetworkSet',
    'success.yaml',
    false,
    polarisPod(['hostNetwork: false']),
  ),
  ...kubeLinter('host-ipc', 'hostIPC'),
  ...kubeLinter('host-pid', 'hostPID'),
  ...kubeLinter('host-network', 'hostNetwork'),
];

describe('k8s-host-namespaces against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-host-namespaces', peerCase)).toBe(
        true,
      );
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'trivy KSV-0008': '3/3',
      'trivy KSV-0009': '3/3',
      'trivy KSV-0010': '3/3',
      'polaris hostIPCSet': '1/2',
      'polaris hostPIDSet': '2/2',
      'polaris hostNetworkSet': '2/2',
      'kubeLinter host-ipc': '2/2',
      'kubeLinter host-pid': '2/2',
      'kubeLinter host-network': '2/2',
    });
  });
});
