import { findingsFor, lines } from '../../testing';

const RULE = 'compose-ssh-port';

describe('compose-ssh-port', () => {
  it('flags short port specs whose container side is 22, at the item', async () => {
    const content = lines(
      'services:',
      '  app:',
      '    image: acme/app:1',
      '    ports:',
      '      - "8080:8080"',
      '      - "2222:22"',
      '      - 127.0.0.1:2223:22/tcp',
      '      - "[::1]:2224:22"',
      '      - 22',
      '      - "20-25:20-25"',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings.map(f => f.range.start.line)).toEqual([6, 7, 8, 9, 10]);
    expect(findings[0].snippet).toBe('"2222:22"');
    expect(findings[0].message).toContain('"app"');
  });

  it('flags the long syntax and expose', async () => {
    const content = lines(
      'services:',
      '  git:',
      '    image: gitea/gitea:1.22',
      '    ports:',
      '      - target: 22',
      '        published: 2222',
      '    expose:',
      '      - "22"',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings).toHaveLength(2);
    expect(findings[1].message).toContain('exposes');
  });

  it.each([
    ['host port 22 mapped to another container port', '      - "22:2222"'],
    ['UDP port 22', '      - "22:22/udp"'],
    ['port 2222', '      - "2222:2222"'],
    ['port 220', '      - 220'],
    ['a range without 22', '      - "8000-8010:8000-8010"'],
  ])('does not flag %s', async (_name, line) => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    ports:',
      line,
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('can be waived for a real SSH endpoint', async () => {
    const content = lines(
      'services:',
      '  git:',
      '    image: gitea/gitea:1.22',
      '    ports:',
      '      - "2222:22" # scorecard ignore=compose-ssh-port reason="git over ssh"',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings[0].suppressed?.reason).toBe('git over ssh');
  });
});
