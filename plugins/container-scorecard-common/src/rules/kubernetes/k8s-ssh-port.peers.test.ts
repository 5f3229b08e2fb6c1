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
    peer: 'kubeLinter',
    check: 'ssh-port',
    source: 'stackrox/kube-linter tests/checks/ssh-port.yml (document 1)',
    name: 'containerPort 2222',
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
      '          ports:',
      '            - containerPort: 2222',
      '              protocol: TCP',
    ),
  },
  {
    peer: 'kubeLinter',
    check: 'ssh-port',
    source: 'stackrox/kube-linter tests/checks/ssh-port.yml (document 3)',
    name: 'containerPort 22',
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
      '        ports:',
      '        - containerPort: 22',
      '          protocol: TCP',
    ),
  },
];

describe('k8s-ssh-port against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-ssh-port', peerCase)).toBe(true);
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'kubeLinter ssh-port': '2/2',
    });
  });
});
