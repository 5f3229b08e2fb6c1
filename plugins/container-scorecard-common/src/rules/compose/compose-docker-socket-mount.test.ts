import { findingsFor, lines } from '../../testing';

const RULE = 'compose-docker-socket-mount';

describe('compose-docker-socket-mount', () => {
  it('flags the short syntax at the volume entry', async () => {
    const content = lines(
      'services:',
      '  proxy:',
      '    image: traefik:v3.1',
      '    volumes:',
      '      - ./traefik.yml:/etc/traefik/traefik.yml',
      '      - /var/run/docker.sock:/var/run/docker.sock:ro',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe(
      '/var/run/docker.sock:/var/run/docker.sock:ro',
    );
    expect(findings[0].range.start).toEqual({ line: 6, column: 9 });
    expect(findings[0].message).toContain('"proxy"');
    expect(findings[0].message).toContain('read-only does not help');
  });

  it('flags the long syntax at the source key', async () => {
    const content = lines(
      'services:',
      '  runner:',
      '    image: gitlab/gitlab-runner:v17.0.0',
      '    volumes:',
      '      - type: bind',
      '        source: /var/run/docker.sock',
      '        target: /var/run/docker.sock',
    );
    const findings = await findingsFor(RULE, content, 'compose.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('source: /var/run/docker.sock');
  });

  it.each([
    ['a quoted entry', '"/var/run/docker.sock:/var/run/docker.sock"'],
    [
      'a Windows-style double slash',
      '//var/run/docker.sock:/var/run/docker.sock',
    ],
    ['the /run path', '/run/docker.sock:/var/run/docker.sock'],
    [
      'the containerd socket',
      '/run/containerd/containerd.sock:/run/containerd/containerd.sock',
    ],
    ['the Podman socket', '/run/podman/podman.sock:/var/run/docker.sock'],
    ['the whole /var/run directory', '/var/run:/host/var/run'],
    [
      'a rootless socket through a variable',
      '${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock',
    ],
  ])('flags %s', async (_name, entry) => {
    const content = lines(
      'services:',
      '  a:',
      '    image: a:1',
      '    volumes:',
      `      - ${entry}`,
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toHaveLength(1);
  });

  it.each([
    [
      'ordinary bind mounts and named volumes',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    volumes:',
        '      - ./data:/data',
        '      - cache:/var/run/cache',
        '      - /var/run/docker',
        'volumes:',
        '  cache: {}',
      ),
    ],
    [
      'a socket path used only as the container target',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    volumes:',
        '      - ./fake.sock:/var/run/docker.sock',
      ),
    ],
    [
      'a named volume called like a socket in the long syntax',
      lines(
        'services:',
        '  a:',
        '    image: a:1',
        '    volumes:',
        '      - type: volume',
        '        source: docker.sock',
        '        target: /data',
      ),
    ],
    ['no volumes at all', lines('services:', '  a:', '    image: a:1')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('says when it is the directory holding the socket that is mounted', async () => {
    const content = lines(
      'services:',
      '  cadvisor:',
      '    image: gcr.io/cadvisor/cadvisor:v0.49.1',
      '    volumes:',
      '      - /var/run:/var/run:ro',
    );
    const [finding] = await findingsFor(RULE, content, 'compose.yml');
    expect(finding.message).toContain(
      '"/var/run", the directory that holds the container runtime socket',
    );
  });

  it('can be waived inline', async () => {
    const content = lines(
      'services:',
      '  proxy:',
      '    image: traefik:v3.1',
      '    volumes:',
      '      # scorecard ignore=compose-docker-socket-mount reason="socket proxy planned"',
      '      - /var/run/docker.sock:/var/run/docker.sock',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings).toHaveLength(1);
    expect(findings[0].suppressed?.reason).toBe('socket proxy planned');
  });
});
