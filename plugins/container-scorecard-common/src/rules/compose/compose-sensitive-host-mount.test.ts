// Peer cases ported from KICS, assets/queries/dockerCompose/volume_has_sensitive_host_directory/test/
// (positive1.yaml, positive2.yaml, negative1.yaml, negative2.yaml). KICS counts every path under
// /var as sensitive; its positives mount `/var/lib/backup/data`, which is application data: a
// deliberate difference, asserted below with a system path in its place.
import { findingsFor, lines } from '../../testing';

const RULE = 'compose-sensitive-host-mount';

describe('compose-sensitive-host-mount', () => {
  it('flags a short-syntax bind of a sensitive directory (KICS positive1, adapted)', async () => {
    const content = lines(
      'version: "3.9"',
      'services:',
      '  db:',
      '    image: db',
      '    volumes:',
      '      - data-volume:/var/lib/db',
      '  backup:',
      '    image: backup-service',
      '    volumes:',
      '      - /var/lib/backup/data:/backup/data',
      '      - /etc:/host/etc',
      'volumes:',
      '  data-volume:',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings.map(f => f.snippet)).toEqual(['/etc:/host/etc']);
    expect(findings[0].message).toContain('"backup"');
    expect(findings[0].range.start).toEqual({ line: 11, column: 9 });
  });

  it('flags a top-level volume backed by a sensitive host path (KICS positive2, adapted)', async () => {
    const content = lines(
      'services:',
      '  web:',
      '    image: nginx:alpine',
      '    volumes:',
      '      - type: volume',
      '        source: vol',
      '        target: /data',
      'volumes:',
      '  vol:',
      '    driver: local',
      '    driver_opts:',
      '      device: /root',
      '      o: bind',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['device: /root']);
  });

  it('flags long syntax, read-only mounts and files under sensitive trees', async () => {
    const content = lines(
      'services:',
      '  agent:',
      '    image: acme/agent:3',
      '    volumes:',
      '      - /:/rootfs:ro',
      '      - /proc:/host/proc:ro',
      '      - /var/lib/docker/containers:/containers:ro',
      '      - /root/.ssh:/root/.ssh',
      '      - //etc/:/host/etc',
      '      - type: bind',
      '        source: /boot',
      '        target: /host/boot',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings.map(f => f.snippet)).toEqual([
      '/:/rootfs:ro',
      '/proc:/host/proc:ro',
      '/var/lib/docker/containers:/containers:ro',
      '/root/.ssh:/root/.ssh',
      '//etc/:/host/etc',
      'source: /boot',
    ]);
    expect(findings[0].message).toContain('read-only still exposes');
  });

  it.each([
    [
      'a relative bind (KICS negative1)',
      lines(
        'services:',
        '  metadata:',
        '    image: redis:3.2.8',
        '    volumes:',
        '      - ./volumes/metadata/:/data/',
      ),
    ],
    [
      'driver_opts mountpoints in a variable (KICS negative2)',
      lines(
        'version: "3"',
        'volumes:',
        '  wordpress-db-data:',
        '    driver: local-persist',
        '    driver_opts:',
        '      mountpoint: ${CONTAINERVOLUME}/dockerData/mysql',
        'services:',
        '  a:',
        '    image: a:1',
      ),
    ],
    [
      'routine files and application directories',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    volumes:',
        '      - /etc/localtime:/etc/localtime:ro',
        '      - /etc/timezone:/etc/timezone:ro',
        '      - /var/log/nginx:/var/log/nginx',
        '      - /srv/app:/app',
        '      - /home/deploy/app:/app',
        '      - /etc/letsencrypt:/etc/letsencrypt:ro',
      ),
    ],
    [
      'named volumes whose target is a system path',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    volumes:',
        '      - etc:/etc',
        '      - /var/lib/docker',
        'volumes:',
        '  etc:',
      ),
    ],
    [
      'the runtime socket (compose-docker-socket-mount reports it)',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    volumes:',
        '      - /var/run/docker.sock:/var/run/docker.sock',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });
});
