import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

const DIR = 'FairwindsOps/polaris test/checks/hostPathSet';

/** Polaris' nginx Pod with one volume named log-volume, described by `volumeLines`. */
function podWithVolume(volumeLines: string[]) {
  return lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: nginx',
    'spec:',
    '  containers:',
    '    - name: nginx',
    '      image: nginx',
    '  volumes:',
    '    - name: log-volume',
    ...volumeLines.map(l => `      ${l}`),
  );
}

const cases: PeerCase[] = [
  {
    peer: 'polaris',
    check: 'hostPathSet',
    source: `${DIR}/failure.yaml`,
    name: 'a hostPath volume on /var/log',
    path: 'pod.yaml',
    peerReports: true,
    content: podWithVolume(['hostPath:', '  path: /var/log']),
  },
  {
    peer: 'polaris',
    check: 'hostPathSet',
    source: `${DIR}/success.yaml`,
    name: 'a volume with no source',
    path: 'pod.yaml',
    peerReports: false,
    content: podWithVolume([]),
  },
];

describe('k8s-host-path-volume against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('k8s-host-path-volume', peerCase)).toBe(
        true,
      );
    },
  );

  it('agrees with Polaris on every published example', () => {
    expect(agreementByCheck(cases)).toEqual({ 'polaris hostPathSet': '2/2' });
  });
});
