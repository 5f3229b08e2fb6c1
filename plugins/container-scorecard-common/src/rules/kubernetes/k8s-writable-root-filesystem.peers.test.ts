import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  trivyHelloContainer,
  trivyPodInput,
  type PeerCase,
} from '../shared/peerCases';

// Each case is a peer's published example, as written (source: repository and path). kube-linter's
// test files also repeat each document as an OpenShift DeploymentConfig, a kind this project does
// not read; those documents are not ported.
const cases: PeerCase[] = [
  // Trivy's rego test for KSV-0014, its input documents as JSON.
  {
    peer: 'trivy',
    check: 'KSV-0014',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/general/file_system_not_read_only_test.rego test_read_only_root_file_system_not_set_denied',
    name: 'test_read_only_root_file_system_not_set_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-fs-not-readonly', {
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0014',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/general/file_system_not_read_only_test.rego test_read_only_root_file_system_false_denied',
    name: 'test_read_only_root_file_system_false_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-fs-not-readonly', {
      containers: [trivyHelloContainer({ readOnlyRootFilesystem: false })],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0014',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/general/file_system_not_read_only_test.rego test_read_only_root_file_system_true_allowed',
    name: 'test_read_only_root_file_system_true_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-fs-not-readonly', {
      containers: [trivyHelloContainer({ readOnlyRootFilesystem: true })],
    }),
  },
  {
    peer: 'polaris',
    check: 'notReadOnlyRootFilesystem',
    source:
      'FairwindsOps/polaris test/checks/notReadOnlyRootFilesystem/failure.pod.yaml',
    name: 'failure.pod.yaml',
    path: 'pod.yaml',
    peerReports: true,
    content: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: nginx',
      '  labels:',
      '    env: test',
      'spec:',
      '  securityContext:',
      '      readOnlyRootFilesystem: false',
      '  containers:',
      '    - securityContext:',
      '        readOnlyRootFilesystem: true',
      '    - securityContext:',
      '        readOnlyRootFilesystem: false',
    ),
  },
  {
    peer: 'polaris',
    check: 'notReadOnlyRootFilesystem',
    source:
      'FairwindsOps/polaris test/checks/notReadOnlyRootFilesystem/failure.two_cont_one_unspecified.yaml',
    name: 'failure.two_cont_one_unspecified.yaml',
    path: 'pod.yaml',
    peerReports: true,
    content: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: nginx',
      '  labels:',
      '    env: test',
      'spec:',
      '  securityContext:',
      '      readOnlyRootFilesystem: false',
      '  containers:',
      '    - name: container-a',
      '      securityContext:',
      '        readOnlyRootFilesystem: true',
      '    - name: container-b',
    ),
  },
  {
    peer: 'polaris',
    check: 'notReadOnlyRootFilesystem',
    source:
      'FairwindsOps/polaris test/checks/notReadOnlyRootFilesystem/failure.yaml',
    name: 'failure.yaml',
    path: 'pod.yaml',
    peerReports: true,
    content: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: nginx',
      '  labels:',
      '    env: test',
      'spec:',
      '  containers:',
      '    - securityContext:',
      '        readOnlyRootFilesystem: false',
    ),
  },
  {
    peer: 'polaris',
    check: 'notReadOnlyRootFilesystem',
    source:
      'FairwindsOps/polaris test/checks/notReadOnlyRootFilesystem/success.pod.yaml',
    name: 'success.pod.yaml',
    path: 'pod.yaml',
    peerReports: false,
    content: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: nginx',
      '  labels:',
      '    env: test',
      'spec:',
      '  securityContext:',
      '      readOnlyRootFilesystem: false',
      '  containers:',
      '    - securityContext:',
      '        readOnlyRootFilesystem: true',
    ),
  },
  {
    peer: 'polaris',
    check: 'notReadOnlyRootFilesystem',
    source:
      'FairwindsOps/polaris test/checks/notReadOnlyRootFilesystem/success.yaml',
    name: 'success.yaml',
    path: 'pod.yaml',
    peerReports: false,
    content: lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: nginx',
      '  labels:',
      '    env: test',
      'spec:',
      '  containers:',
      '    - securityContext:',
      '        readOnlyRootFilesystem: true',
    ),
  },
  {
    peer: 'kubeLinter',
    check: 'no-read-only-root-fs',
    source:
      'stackrox/kube-linter tests/checks/no-read-only-root-fs.yml (document 1)',
    name: 'readOnlyRootFilesystem: true',
    path: 'k8s.yaml',
    peerReports: false,
    content: lines(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: dont-fire',
      'spec:',
      '  replicas: 3',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          securityContext:',
      '            readOnlyRootFilesystem: true',
    ),
  },
  {
    peer: 'kubeLinter',
    check: 'no-read-only-root-fs',
    source:
      'stackrox/kube-linter tests/checks/no-read-only-root-fs.yml (document 3)',
    name: 'readOnlyRootFilesystem: false',
    path: 'k8s.yaml',
    peerReports: true,
    content: lines(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: app1',
      'spec:',
      '  replicas: 3',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        securityContext:',
      '          readOnlyRootFilesystem: false',
    ),
  },
];

describe('k8s-writable-root-filesystem against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(
        await agreesAsExpected('k8s-writable-root-filesystem', peerCase),
      ).toBe(true);
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'trivy KSV-0014': '3/3',
      'polaris notReadOnlyRootFilesystem': '5/5',
      'kubeLinter no-read-only-root-fs': '2/2',
    });
  });
});
