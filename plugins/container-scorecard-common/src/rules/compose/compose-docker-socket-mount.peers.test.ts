import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

// Each case is a KICS published example, as written (source: repository and path).
const cases: PeerCase[] = [
  {
    peer: 'kics',
    check: 'Docker Socket Mounted In Container',
    source:
      'Checkmarx/kics assets/queries/dockerCompose/docker_socket_mounted_in_container/test/negative1.yaml',
    name: 'no volumes',
    path: 'docker-compose.yml',
    peerReports: false,
    content: lines(
      'version: "3.1"',
      '',
      'services:',
      '  service1:',
      '    container_name: service',
      '    image: notareal/image:latest',
      '    restart: always',
      '    ports:',
      '      - 8080:8080',
    ),
  },
  {
    peer: 'kics',
    check: 'Docker Socket Mounted In Container',
    source:
      'Checkmarx/kics assets/queries/dockerCompose/docker_socket_mounted_in_container/test/positive1.yaml',
    name: '/var/run/docker.sock mounted',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(
      'version: "3.1"',
      '',
      'services:',
      '  service1:',
      '    container_name: service',
      '    image: notareal/image:latest',
      '    restart: always',
      '    volumes:',
      '      - /var/run/docker.sock:/var/run/docker.sock',
      '    ports:',
      '      - 8080:8080',
    ),
  },
];

describe('compose-docker-socket-mount against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(
        await agreesAsExpected('compose-docker-socket-mount', peerCase),
      ).toBe(true);
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'kics Docker Socket Mounted In Container': '2/2',
    });
  });
});
