import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  trivyHelloContainer,
  trivyPodInput,
  type PeerCase,
} from '../shared/peerCases';

const POLARIS_DIR = 'FairwindsOps/polaris test/checks/runAsPrivileged';
const KUBE_LINTER_FILE =
  'stackrox/kube-linter tests/checks/privileged-container.yml';

/** Polaris' nginx Pod: an optional pod-level `privileged` and one entry per container. */
function polarisPod(podPrivileged: boolean | undefined, containers: string[]) {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: nginx',
    '  labels:',
    '    env: test',
    'spec:',
    ...(podPrivileged === undefined
      ? []
      : ['  securityContext:', `    privileged: ${podPrivileged}`]),
    '  containers:',
    ...containers.flatMap(privileged =>
      privileged === ''
        ? ['  - securityContext:']
        : ['  - securityContext:', `      privileged: ${privileged}`],
    ),
  );
}

const polaris = (
  file: string,
  peerReports: boolean,
  content: string,
): PeerCase => ({
  peer: 'polaris',
  check: 'runAsPrivileged',
  source: `${POLARIS_DIR}/${file}`,
  name: file,
  path: 'pod.yaml',
  peerReports,
  content,
});

/** Documents 1 and 3 of kube-linter's file (2 and 4 are OpenShift DeploymentConfigs, not read here). */
const kubeLinter = (
  name: string,
  privileged: boolean,
  document: number,
): PeerCase => ({
  peer: 'kubeLinter',
  check: 'privileged-container',
  source: `${KUBE_LINTER_FILE} (document ${document})`,
  name: `privileged: ${privileged}`,
  path: 'k8s.yaml',
  peerReports: privileged,
  content: lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  replicas: 3',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    '          securityContext:',
    `            privileged: ${privileged}`,
  ),
});

const cases: PeerCase[] = [
  // Trivy's rego test for KSV-0017, its input documents as JSON.
  {
    peer: 'trivy',
    check: 'KSV-0017',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/2_privileged_test.rego test_privileged_is_true_denied',
    name: 'test_privileged_is_true_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-privileged', {
      containers: [trivyHelloContainer({ privileged: true })],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0017',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/2_privileged_test.rego test_privileged_is_undefined_allowed',
    name: 'test_privileged_is_undefined_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-privileged', {
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0017',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/baseline/2_privileged_test.rego test_privileged_is_false_allowed',
    name: 'test_privileged_is_false_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-privileged', {
      containers: [trivyHelloContainer({ privileged: false })],
    }),
  },
  polaris('failure.pod.yaml', true, polarisPod(false, ['true'])),
  polaris('failure.two_cont.yaml', true, polarisPod(false, ['true', 'false'])),
  polaris(
    'failure.two_cont_one_unspecified.yaml',
    true,
    polarisPod(false, ['true', '']),
  ),
  polaris('failure.yaml', true, polarisPod(undefined, ['true'])),
  polaris('success.pod.yaml', false, polarisPod(true, ['false'])),
  polaris('success.pod_no_cont.yaml', false, polarisPod(false, [''])),
  polaris('success.yaml', false, polarisPod(undefined, ['false'])),
  kubeLinter('dont-fire', false, 1),
  kubeLinter('app1', true, 3),
];

describe('k8s-privileged-container against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-privileged-container', peerCase)).toBe(
        true,
      );
    },
  );

  it('agrees with each peer on every published example', () => {
    expect(agreementByCheck(cases)).toEqual({
      'trivy KSV-0017': '3/3',
      'polaris runAsPrivileged': '7/7',
      'kubeLinter privileged-container': '2/2',
    });
  });
});
