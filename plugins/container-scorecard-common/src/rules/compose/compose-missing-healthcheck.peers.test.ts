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
    check: 'Healthcheck Not Set',
    source:
      'Checkmarx/kics assets/queries/dockerCompose/healthcheck_not_set/test/negative1.yaml',
    name: 'a curl healthcheck with timings',
    path: 'docker-compose.yml',
    peerReports: false,
    content: lines(
      "version: '3.1'",
      '',
      'services:',
      ' lelele-service:',
      '    build: ./',
      '    image: lelele-service',
      '    restart: always',
      '    container_name: lelele',
      '    network_mode: "host"',
      '    hostname: localhost',
      '    ports:',
      '      - 8092:8092',
      '    healthcheck:',
      '      test: ["CMD", "curl", "-f", "http://localhost"]',
      '      interval: 1m30s',
      '      timeout: 10s',
      '      retries: 3',
      '      start_period: 40s',
    ),
  },
  {
    peer: 'kics',
    check: 'Healthcheck Not Set',
    source:
      'Checkmarx/kics assets/queries/dockerCompose/healthcheck_not_set/test/negative2.yaml',
    name: 'a curl healthcheck',
    path: 'docker-compose.yml',
    peerReports: false,
    content: lines(
      "version: '3.1'",
      '',
      'services:',
      ' lelele-service:',
      '    build: ./',
      '    image: lelele-service',
      '    restart: always',
      '    container_name: lelele',
      '    network_mode: "host"',
      '    hostname: localhost',
      '    ports:',
      '      - 8092:8092',
      '    healthcheck:',
      '      test: ["CMD", "curl", "-f", "http://localhost"]',
    ),
  },
  {
    peer: 'kics',
    check: 'Healthcheck Not Set',
    source:
      'Checkmarx/kics assets/queries/dockerCompose/healthcheck_not_set/test/positive1.yaml',
    name: 'no healthcheck',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(
      "version: '2.1'",
      '',
      'services:',
      ' lelele-service:',
      '    build: lelele-apigateway/',
      '    image: lelele-service',
      '    restart: always',
      '    container_name: lelele',
      '    network_mode: "host"',
      '    hostname: localhost',
      '    ports:',
      '      - 8092:8092',
    ),
  },
  {
    peer: 'kics',
    check: 'Healthcheck Not Set',
    source:
      'Checkmarx/kics assets/queries/dockerCompose/healthcheck_not_set/test/positive2.yaml',
    name: 'healthcheck disabled',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(
      "version: '2.1'",
      '',
      'services:',
      ' lelele-service:',
      '    build: ./',
      '    image: lelele-service',
      '    restart: always',
      '    container_name: lelele',
      '    network_mode: "host"',
      '    hostname: localhost',
      '    ports:',
      '      - 8092:8092',
      '    healthcheck:',
      '      disable: true',
    ),
    differsBecause:
      'switching the health check off (`disable: true`, `test: ["NONE"]`) is an explicit decision, for example where an image\'s own HEALTHCHECK does not fit; the rule reports services that say nothing',
  },
  {
    peer: 'kics',
    check: 'Healthcheck Not Set',
    source:
      'Checkmarx/kics assets/queries/dockerCompose/healthcheck_not_set/test/positive3.yaml',
    name: 'test: ["NONE"]',
    path: 'docker-compose.yml',
    peerReports: true,
    content: lines(
      "version: '2.1'",
      '',
      'services:',
      ' lelele-service:',
      '    build: ./',
      '    image: lelele-service',
      '    restart: always',
      '    container_name: lelele',
      '    network_mode: "host"',
      '    hostname: localhost',
      '    ports:',
      '      - 8092:8092',
      '    healthcheck:',
      '      test: ["NONE"]',
    ),
    differsBecause:
      'switching the health check off (`disable: true`, `test: ["NONE"]`) is an explicit decision, for example where an image\'s own HEALTHCHECK does not fit; the rule reports services that say nothing',
  },
];

describe('compose-missing-healthcheck against its peers', () => {
  it.each(cases.map(c => [peerCaseTitle(c), c] as const))(
    '%s',
    async (_title, peerCase) => {
      expect(
        await agreesAsExpected('compose-missing-healthcheck', peerCase),
      ).toBe(true);
    },
  );

  it('agrees with each peer except where documented', () => {
    expect(agreementByCheck(cases)).toEqual({
      'kics Healthcheck Not Set': '3/5',
    });
  });
});
