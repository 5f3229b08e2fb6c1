// Peer cases ported from KICS, assets/queries/dockerCompose/default_seccomp_profile_disabled/test/
// (positive2.yaml, negative1.yaml). positive1.yaml (`label:seccomp:unconfined`) is a deliberate
// difference: Docker reads it as an SELinux `label` option, which leaves seccomp on.
import { findingsFor, lines } from '../../testing';

const RULE = 'compose-security-profile-disabled';

describe('compose-security-profile-disabled', () => {
  it('flags seccomp:unconfined at the entry (KICS positive2)', async () => {
    const content = lines(
      'version: "3.9"',
      'networks:',
      '  backend:',
      'services:',
      '  example:',
      '    build: .',
      '    security_opt:',
      '      - seccomp:unconfined',
      '    ports:',
      '      - "5002:5002"',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('seccomp:unconfined');
    expect(findings[0].range.start).toEqual({ line: 8, column: 9 });
    expect(findings[0].message).toContain('seccomp filter');
  });

  it('flags each disabling option in either separator form', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    security_opt:',
      '      - seccomp=unconfined',
      '      - apparmor:unconfined',
      '      - "apparmor=unconfined"',
      '      - label=disable',
      '      - label:disable',
      '      - systempaths=unconfined',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('seccomp'),
      expect.stringContaining('AppArmor'),
      expect.stringContaining('AppArmor'),
      expect.stringContaining('SELinux'),
      expect.stringContaining('SELinux'),
      expect.stringContaining('/proc'),
    ]);
  });

  it.each([
    [
      'no security_opt (KICS negative1)',
      lines(
        'version: "3.9"',
        'services:',
        '  webapp:',
        '    build:',
        '      context: ./',
        '      dockerfile: Dockerfile-alternate',
        '      args:',
        '        buildno: 1',
      ),
    ],
    [
      'a custom profile and an SELinux label',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    security_opt:',
        '      - seccomp=./seccomp.json',
        '      - apparmor=docker-default',
        '      - label=type:svirt_apache_t',
        '      - no-new-privileges:true',
      ),
    ],
    [
      'label:seccomp:unconfined (KICS positive1, an SELinux label option)',
      lines(
        'services:',
        '  demo:',
        '    image: not/a/real/image',
        '    security_opt:',
        '      - label:seccomp:unconfined',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
