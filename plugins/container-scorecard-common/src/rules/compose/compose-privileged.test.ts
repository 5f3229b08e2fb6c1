import { findingsFor, lines } from '../../testing';

const RULE = 'compose-privileged';

describe('compose-privileged', () => {
  it('flags privileged: true at the key', async () => {
    const content = lines(
      'services:',
      '  web:',
      '    image: nginx:1.27',
      '  agent:',
      '    image: acme/agent:2',
      '    privileged: true',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('"agent"');
    expect(findings[0].range).toEqual({
      start: { line: 6, column: 5 },
      end: { line: 6, column: 21 },
    });
    expect(findings[0].snippet).toBe('privileged: true');
  });

  it('flags the quoted string "true" and services reached through YAML anchors', async () => {
    const content = lines(
      'x-base: &base',
      '  privileged: true',
      'services:',
      '  a:',
      '    <<: *base',
      '    image: a:1',
      '  b:',
      '    privileged: "true"',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('"a"'),
      expect.stringContaining('"b"'),
    ]);
  });

  it.each([
    [
      'privileged: false',
      lines('services:', '  a:', '    image: a:1', '    privileged: false'),
    ],
    ['no privileged key', lines('services:', '  a:', '    image: a:1')],
    [
      'privileged outside services',
      lines(
        'x-notes:',
        '  privileged: true',
        'services:',
        '  a:',
        '    image: a:1',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
