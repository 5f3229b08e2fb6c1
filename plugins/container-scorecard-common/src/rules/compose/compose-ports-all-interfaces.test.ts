// Peer cases ported from KICS,
// assets/queries/dockerCompose/container_traffic_not_bound_to_host_interface/test/ (positive1-3.yaml,
// negative1.yaml, negative4.yaml, negative5.yaml).
import { findingsFor, lines } from '../../testing';
import { shortPortHostIp } from './compose-ports-all-interfaces';

const RULE = 'compose-ports-all-interfaces';

const kicsWebapp = (...ports: string[]) =>
  lines(
    "version: '3.2'",
    'services:',
    '  webapp:',
    '    container_name: webapp',
    '    build: ./webapp',
    '    ports:',
    ...ports,
    '    cap_drop:',
    '      - NET_BIND_SERVICE',
    '    network_mode: "LDC"',
  );

describe('compose-ports-all-interfaces', () => {
  it.each([
    ['"7000:8000" (KICS positive1)', ['      - "7000:8000"'], '"7000:8000"'],
    [
      'a range (KICS positive2)',
      ['      - "12400-12500:1240"'],
      '"12400-12500:1240"',
    ],
    [
      'long syntax without host_ip (KICS positive3)',
      [
        '      - target: 8000',
        '        published: 8080',
        '        protocol: tcp',
        '        mode: host',
      ],
      'published: 8080',
    ],
    ['a container port alone', ['      - 3000'], '3000'],
    ['0.0.0.0', ['      - "0.0.0.0:80:80"'], '"0.0.0.0:80:80"'],
    ['[::]', ['      - "[::]:80:80/tcp"'], '"[::]:80:80/tcp"'],
    ['a host port from a variable', ['      - "${PORT}:80"'], '"${PORT}:80"'],
  ])('flags %s', async (_name, ports, snippet) => {
    const findings = await findingsFor(
      RULE,
      kicsWebapp(...ports),
      'docker-compose.yml',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe(snippet);
    expect(findings[0].message).toContain('"webapp"');
  });

  it('reports each entry', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    ports: ["80:80", "127.0.0.1:9000:9000", "443:443"]',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['"80:80"', '"443:443"']);
  });

  it.each([
    ['127.0.0.1 (KICS negative1)', kicsWebapp('      - "127.0.0.1:8000:8001"')],
    [
      'an address in published (KICS negative4)',
      kicsWebapp(
        '      - target: 8000',
        '        published: 127.0.0.1:8080',
        '        protocol: tcp',
        '        mode: host',
      ),
    ],
    [
      'an address and a range in published (KICS negative5)',
      kicsWebapp(
        '      - target: 8000',
        '        published: 127.0.0.1:8080-8090',
      ),
    ],
    [
      'host_ip in the long syntax',
      kicsWebapp(
        '      - target: 80',
        '        host_ip: 192.168.1.10',
        '        published: "8080"',
      ),
    ],
    ['an IPv6 loopback', kicsWebapp('      - "[::1]:8080:80"')],
    [
      'a host IP from a variable',
      kicsWebapp('      - "${BIND_IP:-127.0.0.1}:8080:80"'),
    ],
    [
      'a service on the host network',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    network_mode: host',
        '    ports: ["80:80"]',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('reads the host IP of short entries', () => {
    expect(shortPortHostIp('80')).toBeUndefined();
    expect(shortPortHostIp('8080:80/udp')).toBeUndefined();
    expect(shortPortHostIp('127.0.0.1::80')).toBe('127.0.0.1');
    expect(shortPortHostIp('::1:8080:80')).toBe('::1');
    expect(shortPortHostIp('${H:-0.0.0.0}:${P:-80}:80')).toBe('${H:-0.0.0.0}');
  });
});
