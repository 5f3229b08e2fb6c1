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
    check: 'docker-sock',
    source: 'stackrox/kube-linter tests/checks/docker-sock.yml (document 1)',
    name: 'a hostPath on /var/run/thing.sock',
    path: 'k8s.yaml',
    peerReports: false,
    content: lines(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: dont-fire',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '        - name: app',
      '          volumeMounts:',
      '            - name: thingsock',
      '              mountPath: "/var/run/thing.sock"',
      '      volumes:',
      '        - name: thingsock',
      '          hostPath:',
      '            path: /var/run/thing.sock',
    ),
  },
  {
    peer: 'kubeLinter',
    check: 'docker-sock',
    source: 'stackrox/kube-linter tests/checks/docker-sock.yml (document 3)',
    name: 'a hostPath on /var/run/docker.sock',
    path: 'k8s.yaml',
    peerReports: true,
    content: lines(
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: app',
      'spec:',
      '  template:',
      '    spec:',
      '      containers:',
      '      - name: app',
      '        volumeMounts:',
      '        - name: dockersock',
      '          mountPath: "/var/run/docker.sock"',
      '      volumes:',
      '      - name: dockersock',
      '        hostPath:',
      '          path: /var/run/docker.sock',
    ),
  },
];

describe('k8s-docker-socket-mount against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-docker-socket-mount', peerCase)).toBe(
        true,
      );
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'kubeLinter docker-sock': '2/2',
    });
  });
});
