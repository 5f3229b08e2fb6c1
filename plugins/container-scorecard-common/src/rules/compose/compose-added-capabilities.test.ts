import { findingsFor, lines } from '../../testing';

const RULE = 'compose-added-capabilities';

describe('compose-added-capabilities', () => {
  it('flags each dangerous capability at its list item', async () => {
    const content = lines(
      'services:',
      '  vpn:',
      '    image: acme/vpn:1',
      '    cap_drop: [ALL]',
      '    cap_add:',
      '      - NET_ADMIN',
      '      - CAP_SYS_ADMIN',
      '      - NET_BIND_SERVICE',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings.map(f => f.snippet)).toEqual([
      'NET_ADMIN',
      'CAP_SYS_ADMIN',
    ]);
    expect(findings[0].range.start).toEqual({ line: 6, column: 9 });
    expect(findings[1].message).toContain('SYS_ADMIN');
  });

  it('flags cap_add: [ALL] in flow style', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    cap_add: [all]',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings.map(f => f.snippet)).toEqual(['all']);
    expect(findings[0].message).toContain('every capability');
  });

  it('flags harmless additions without cap_drop ALL at the cap_add key', async () => {
    const content = lines(
      'services:',
      '  web:',
      '    image: acme/web:2',
      '    cap_drop: [NET_RAW]',
      '    cap_add:',
      '      - NET_BIND_SERVICE',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start).toEqual({ line: 5, column: 5 });
    expect(findings[0].message).toContain('NET_BIND_SERVICE');
    expect(findings[0].message).toContain('cap_drop: [ALL]');
  });

  it.each([
    [
      'a minimal set after dropping ALL',
      lines(
        'services:',
        '  web:',
        '    image: acme/web:2',
        '    cap_drop:',
        '      - ALL',
        '    cap_add:',
        '      - NET_BIND_SERVICE',
        '      - CHOWN',
      ),
    ],
    [
      'only drops',
      lines('services:', '  a:', '    image: a:1', '    cap_drop: [ALL]'),
    ],
    ['no capability keys', lines('services:', '  a:', '    image: a:1')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
