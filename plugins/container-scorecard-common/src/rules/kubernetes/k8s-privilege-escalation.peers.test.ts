import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  trivyHelloContainer,
  trivyPodInput,
  type PeerCase,
} from '../shared/peerCases';

const POLARIS_DIR =
  'FairwindsOps/polaris test/checks/privilegeEscalationAllowed';
const KUBE_LINTER_FILE =
  'stackrox/kube-linter tests/checks/privilege-escalation-container.yml';
const NOT_A_POD_FIELD =
  'the pod-level securityContext has no allowPrivilegeEscalation field (Kubernetes drops it), so the container keeps the default, which allows escalation';

/**
 * Polaris' nginx Pod. `pod` is a pod-level allowPrivilegeEscalation (undefined: none);
 * `container` is the container's (undefined: no securityContext, '' an empty one).
 */
function polarisPod(pod: boolean | undefined, container: string | undefined) {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: nginx',
    '  labels:',
    '    env: test',
    'spec:',
    ...(pod === undefined
      ? []
      : ['  securityContext:', `    allowPrivilegeEscalation: ${pod}`]),
    '  containers:',
    '  - name: nginx',
    '    image: nginx',
    ...(container === undefined ? [] : ['    securityContext:']),
    ...(container ? [`      allowPrivilegeEscalation: ${container}`] : []),
  );
}

const polaris = (
  file: string,
  peerReports: boolean,
  content: string,
  differsBecause?: string,
): PeerCase => ({
  peer: 'polaris',
  check: 'privilegeEscalationAllowed',
  source: `${POLARIS_DIR}/${file}`,
  name: file,
  path: 'pod.yaml',
  peerReports,
  content,
  differsBecause,
});

/** Documents 1 and 3 of kube-linter's file (2 and 4 are OpenShift DeploymentConfigs, not read here). */
const kubeLinter = (
  name: string,
  allow: boolean,
  document: number,
): PeerCase => ({
  peer: 'kubeLinter',
  check: 'privilege-escalation-container',
  source: `${KUBE_LINTER_FILE} (document ${document})`,
  name: `allowPrivilegeEscalation: ${allow}`,
  path: 'k8s.yaml',
  peerReports: allow,
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
    `            allowPrivilegeEscalation: ${allow}`,
  ),
});

const cases: PeerCase[] = [
  // Trivy's rego test for KSV-0001, its input documents as JSON.
  {
    peer: 'trivy',
    check: 'KSV-0001',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/restricted/2_can_elevate_its_own_privileges_test.rego test_allow_privilege_escalation_set_to_false_allowed',
    name: 'test_allow_privilege_escalation_set_to_false_allowed',
    path: 'pod.yaml',
    peerReports: false,
    content: trivyPodInput('hello-privilege-escalation', {
      containers: [trivyHelloContainer({ allowPrivilegeEscalation: false })],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0001',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/restricted/2_can_elevate_its_own_privileges_test.rego test_allow_privilege_escalation_is_undefined_denied',
    name: 'test_allow_privilege_escalation_is_undefined_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-privilege-escalation', {
      containers: [trivyHelloContainer()],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0001',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/restricted/2_can_elevate_its_own_privileges_test.rego test_allow_privilege_escalation_set_to_true_denied',
    name: 'test_allow_privilege_escalation_set_to_true_denied',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-privilege-escalation', {
      containers: [trivyHelloContainer({ allowPrivilegeEscalation: true })],
    }),
  },
  {
    peer: 'trivy',
    check: 'KSV-0001',
    source:
      'aquasecurity/trivy-checks checks/kubernetes/pss/restricted/2_can_elevate_its_own_privileges_test.rego test_allow_privilege_escalation_multiple_containers',
    name: 'test_allow_privilege_escalation_multiple_containers',
    path: 'pod.yaml',
    peerReports: true,
    content: trivyPodInput('hello-privilege-escalation', {
      containers: [
        trivyHelloContainer({ allowPrivilegeEscalation: true }),
        trivyHelloContainer({ allowPrivilegeEscalation: false }, 'hello2'),
      ],
    }),
  },
  polaris('failure.pod.yaml', true, polarisPod(false, 'true')),
  polaris('failure.pod_unspecified.yaml', true, polarisPod(false, '')),
  polaris('failure.unspecified.yaml', true, polarisPod(undefined, undefined)),
  polaris('failure.yaml', true, polarisPod(undefined, 'true')),
  polaris('success.pod.yaml', false, polarisPod(true, 'false')),
  polaris(
    'success.pod_no_cont.yaml',
    false,
    polarisPod(false, undefined),
    NOT_A_POD_FIELD,
  ),
  polaris('success.yaml', false, polarisPod(undefined, 'false')),
  kubeLinter('dont-fire', false, 1),
  kubeLinter('app1', true, 3),
];

describe('k8s-privilege-escalation against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-privilege-escalation', peerCase)).toBe(
        true,
      );
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'trivy KSV-0001': '4/4',
      'polaris privilegeEscalationAllowed': '6/7',
      'kubeLinter privilege-escalation-container': '2/2',
    });
  });
});
