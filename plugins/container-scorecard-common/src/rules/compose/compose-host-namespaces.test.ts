import { findingsFor, lines } from '../../testing';

const RULE = 'compose-host-namespaces';

describe('compose-host-namespaces', () => {
  it('flags each host namespace key at its pair', async () => {
    const content = lines(
      'services:',
      '  agent:',
      '    image: acme/agent:2',
      '    network_mode: host',
      '    pid: "host"',
      '    ipc: host',
      '    userns_mode: host',
      '    uts: host',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings.map(f => f.snippet)).toEqual([
      'network_mode: host',
      'pid: "host"',
      'ipc: host',
      'userns_mode: host',
      'uts: host',
    ]);
    expect(findings[0].range).toEqual({
      start: { line: 4, column: 5 },
      end: { line: 4, column: 23 },
    });
    expect(findings[1].message).toContain('process table');
  });

  it('flags keys reached through a merge key at the service name', async () => {
    const content = lines(
      'x-host: &host',
      '  network_mode: host',
      'services:',
      '  a:',
      '    <<: *host',
      '    image: a:1',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('a');
  });

  it.each([
    ['bridge networking', '    network_mode: bridge'],
    ['sharing another service network', '    network_mode: "service:db"'],
    ['sharing another container PID namespace', '    pid: "container:db"'],
    ['a shareable IPC namespace', '    ipc: shareable'],
    ['no namespace keys', '    restart: always'],
  ])('does not flag %s', async (_name, line) => {
    const content = lines('services:', '  a:', '    image: a:1', line);
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
