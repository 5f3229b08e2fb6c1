import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

const KICS = 'Privileged Containers Enabled';
const DIR =
  'Checkmarx/kics assets/queries/dockerCompose/privileged_containers_enabled/test';
const BUILD = [
  'version: "3.9"',
  '',
  'services:',
  '  webapp:',
  '    build:',
  '      context: ./dir',
  '      dockerfile: Dockerfile-alternate',
  '      args:',
  '        buildno: 1',
];

const cases: PeerCase[] = [
  {
    peer: 'kics',
    check: KICS,
    source: `${DIR}/positive1.yaml`,
    name: 'privileged: true',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(...BUILD, '    privileged: true'),
  },
  {
    peer: 'kics',
    check: KICS,
    source: `${DIR}/positive2.yaml`,
    name: 'privileged: true under build:',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(
      ...BUILD,
      '      ports:',
      '        - "8080:8080"',
      '        - "3000:3000"',
      '      privileged: true',
      '    cap_drop:',
      '      - all',
    ),
    differsBecause:
      '`build.privileged` elevates the image build, not the running service',
  },
  {
    peer: 'kics',
    check: KICS,
    source: `${DIR}/negative2.yaml`,
    name: 'privileged: false',
    path: 'docker-compose.yml',
    peerReports: false,
    content: lines(
      ...BUILD,
      '    ports:',
      '      - "8080:8080"',
      '      - "3000:3000"',
      '    privileged: false',
    ),
  },
];

describe('compose-privileged against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(await agreesAsExpected('compose-privileged', peerCase)).toBe(true);
    },
  );

  it('agrees with KICS except on build-time privilege', () => {
    expect(agreementByCheck(cases)).toEqual({ [`kics ${KICS}`]: '2/3' });
  });
});
