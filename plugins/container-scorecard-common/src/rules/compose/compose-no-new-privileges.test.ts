// Peer cases ported from KICS, assets/queries/dockerCompose/no_new_privileges_not_set/test/
// (positive1.yaml, positive2.yaml, negative1.yaml, negative2.yaml). positive2 (`- apparmor: false`
// with no no-new-privileges) is reported here too, as a service without the option.
import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'compose-no-new-privileges';

const kicsService = (securityOpt: string) =>
  lines(
    'version: "3.4"',
    'services:',
    '  service-service-service:',
    '    build:',
    '      context: ./git-branches/',
    '      dockerfile: service.dockerfile',
    '    ports:',
    '      - "6969:8080"',
    '    restart: always',
    '    security_opt:',
    `      - ${securityOpt}`,
  );

describe('compose-no-new-privileges', () => {
  it('flags no-new-privileges:false and fixes it to true (KICS positive1)', async () => {
    const content = kicsService('no-new-privileges:false');
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('no-new-privileges:false');
    expect(findings[0].message).toContain('"service-service-service"');
    expect(await fixedBy(RULE, content, 'docker-compose.yml')).toBe(
      kicsService('no-new-privileges:true'),
    );
  });

  it('flags a security_opt list without the option (KICS positive2)', async () => {
    const findings = await findingsFor(
      RULE,
      kicsService('apparmor: false'),
      'docker-compose.yml',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('security_opt');
  });

  it('flags a service with no security_opt at its name', async () => {
    const content = lines('services:', '  web:', '    image: nginx:1.27');
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('web');
    expect(findings[0].range.start).toEqual({ line: 2, column: 3 });
  });

  it('reads the last occurrence, as Docker does', async () => {
    const content = lines(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '    security_opt:',
      '      - no-new-privileges:true',
      '      - no-new-privileges=false',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['no-new-privileges=false']);
  });

  it.each([
    [
      'bare no-new-privileges (KICS negative1)',
      kicsService('no-new-privileges'),
    ],
    [
      'no-new-privileges:true (KICS negative2)',
      kicsService('no-new-privileges:true'),
    ],
    ['no-new-privileges=true', kicsService('no-new-privileges=true')],
    ['no-new-privileges=1', kicsService('no-new-privileges=1')],
    [
      'the option among others',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    security_opt: ["seccomp=./profile.json", "no-new-privileges:true"]',
      ),
    ],
    [
      'a privileged service (compose-privileged reports it)',
      lines('services:', '  a:', '    image: a:1', '    privileged: true'),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
