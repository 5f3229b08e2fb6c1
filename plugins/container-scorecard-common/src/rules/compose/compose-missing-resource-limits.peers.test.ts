import { lines } from '../../testing';
import {
  agreementByCheck,
  agreesAsExpected,
  peerCaseTitle,
  type PeerCase,
} from '../shared/peerCases';

const KICS = 'Memory Not Limited';
const DIR =
  'Checkmarx/kics assets/queries/dockerCompose/memory_not_limited/test';

const cases: PeerCase[] = [
  {
    peer: 'kics',
    check: KICS,
    source: `${DIR}/positive1.yaml`,
    name: 'a 3.7 file limiting only cpus',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(
      'version: "3.7"',
      'services:',
      '  zipkin:',
      '    image: openzipkin/zipkin',
      '    ports:',
      '      - 9411:9411',
      '    deploy:',
      '      resources:',
      '        limits:',
      "          cpus: '0.3'",
      '        reservations:',
      "          cpus: '0.1'",
    ),
  },
  {
    peer: 'kics',
    check: KICS,
    source: `${DIR}/positive2.yaml`,
    name: 'a 2.4 file with cpus and no mem_limit',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(
      'version: "2.4"',
      'services:',
      '  criwhat:',
      '    build:',
      '      context: "./cri/what"',
      '    restart: "unless-stopped"',
      '    cpus: 0.25',
      '    environment:',
      '      - NODE_ENV=production',
      '      - PORT=5000',
      '    ports:',
      '      - 12345:6000',
    ),
  },
  {
    peer: 'kics',
    check: KICS,
    source: `${DIR}/positive5.yaml`,
    name: 'a deploy block with only a restart policy',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(
      'version: "3.9"',
      'services:',
      '  redis:',
      '    image: redis:alpine',
      '    deploy:',
      '      restart_policy:',
      '        condition: on-failure',
      '        delay: 5s',
      '        max_attempts: 3',
      '        window: 120s',
    ),
  },
  {
    peer: 'kics',
    check: KICS,
    source: `${DIR}/negative1.yaml`,
    name: 'deploy.resources.limits.memory',
    path: 'docker-compose.yml',
    peerReports: false,
    content: lines(
      'version: "3.7"',
      'services:',
      '  zipkin:',
      '    image: openzipkin/zipkin',
      '    deploy:',
      '      resources:',
      '        limits:',
      "          cpus: '0.3'",
      '          memory: 256M',
      '        reservations:',
      "          cpus: '0.1'",
      '          memory: 128M',
    ),
  },
  {
    peer: 'kics',
    check: KICS,
    source: `${DIR}/negative2.yaml`,
    name: 'mem_limit in a 2.4 file',
    path: 'docker-compose.yml',
    peerReports: false,
    content: lines(
      'version: "2.4"',
      'services:',
      '  criwhat:',
      '    build:',
      '      context: "./cri/what"',
      '    cpus: 0.25',
      '    mem_limit: 512m',
    ),
  },
];

describe('compose-missing-resource-limits against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(
        await agreesAsExpected('compose-missing-resource-limits', peerCase),
      ).toBe(true);
    },
  );

  it('agrees with KICS on every published example', () => {
    expect(agreementByCheck(cases)).toEqual({ [`kics ${KICS}`]: '5/5' });
  });
});
