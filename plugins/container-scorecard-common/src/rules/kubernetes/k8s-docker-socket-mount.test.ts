import { findingsFor } from '../../testing';
import { deployment, podSpecLine } from './k8sTestFixtures';

const RULE = 'k8s-docker-socket-mount';

const withVolume = (path: string) =>
  deployment([
    'containers:',
    '  - name: agent',
    '    image: acme/agent:1',
    '    volumeMounts:',
    '      - name: sock',
    '        mountPath: /var/run/docker.sock',
    'volumes:',
    '  - name: sock',
    '    hostPath:',
    `      path: ${path}`,
    '      type: Socket',
  ]);

describe('k8s-docker-socket-mount', () => {
  it('flags the hostPath path of the socket volume', async () => {
    const findings = await findingsFor(
      RULE,
      withVolume('/var/run/docker.sock'),
      'k8s.yaml',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('path: /var/run/docker.sock');
    expect(findings[0].range.start).toEqual({
      line: podSpecLine(9),
      column: 13,
    });
    expect(findings[0].message).toContain('Deployment "api"');
    expect(findings[0].message).toContain('volume "sock"');
  });

  it.each([
    '/run/containerd/containerd.sock',
    '/var/run/crio/crio.sock',
    '/run/containerd',
    '/var/run',
    '/var/run/cri-dockerd.sock',
  ])('flags %s', async path => {
    expect(await findingsFor(RULE, withVolume(path), 'k8s.yaml')).toHaveLength(
      1,
    );
  });

  it.each(['/var/log', '/var/lib/docker/containers', '/srv/data'])(
    'does not flag %s (k8s-host-path-volume does)',
    async path => {
      expect(await findingsFor(RULE, withVolume(path), 'k8s.yaml')).toEqual([]);
    },
  );

  it('does not flag an emptyDir named like a socket', async () => {
    const content = deployment([
      'containers:',
      '  - name: a',
      '    image: a:1',
      'volumes:',
      '  - name: docker.sock',
      '    emptyDir: {}',
    ]);
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });
});
