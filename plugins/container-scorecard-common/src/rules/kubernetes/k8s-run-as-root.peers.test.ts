import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

// Each case is a peer's published example, as written (source: repository and path). kube-linter's
// test files also repeat each document as an OpenShift DeploymentConfig, a kind this project does
// not read; those documents are not ported.
const cases: PeerCase[] = [
  {
    peer: 'polaris',
    check: 'runAsRootAllowed',
    source: 'FairwindsOps/polaris test/checks/runAsRootAllowed/failure.yaml',
    name: 'runAsNonRoot: false',
    path: 'k8s.yaml',
    peerReports: true,
    content: lines(
      'apiVersion: v1',
      'kind: Deployment',
      'metadata:',
      '  name: nginx',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: nginx',
      '        image: nginx',
      '        securityContext:',
      '          runAsNonRoot: false',
    ),
  },
  {
    peer: 'polaris',
    check: 'runAsRootAllowed',
    source: 'FairwindsOps/polaris test/checks/runAsRootAllowed/success.yaml',
    name: 'runAsNonRoot: true',
    path: 'k8s.yaml',
    peerReports: false,
    content: lines(
      'apiVersion: v1',
      'kind: Deployment',
      'metadata:',
      '  name: nginx',
      'spec:',
      '  containers:',
      '  - name: nginx',
      '    image: nginx',
      '    securityContext:',
      '      runAsNonRoot: true',
    ),
  },
  {
    peer: 'kubeLinter',
    check: 'run-as-non-root',
    source:
      'stackrox/kube-linter tests/checks/run-as-non-root.yml (document 1)',
    name: 'runAsNonRoot: true',
    path: 'k8s.yaml',
    peerReports: false,
    content: lines(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: dont-fire',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      app.kubernetes.io/name: app1',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          runAsUser: 1001',
      '          securityContext:',
      '            runAsNonRoot: true',
    ),
  },
  {
    peer: 'kubeLinter',
    check: 'run-as-non-root',
    source:
      'stackrox/kube-linter tests/checks/run-as-non-root.yml (document 3)',
    name: 'runAsUser: 0 outside securityContext',
    path: 'k8s.yaml',
    peerReports: true,
    content: lines(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: app1',
      'spec:',
      '  selector:',
      '    matchLabels:',
      '      app.kubernetes.io/name: app1',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          runAsUser: 0',
    ),
  },
];

describe('k8s-run-as-root against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-run-as-root', peerCase)).toBe(true);
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'polaris runAsRootAllowed': '2/2',
      'kubeLinter run-as-non-root': '2/2',
    });
  });
});
