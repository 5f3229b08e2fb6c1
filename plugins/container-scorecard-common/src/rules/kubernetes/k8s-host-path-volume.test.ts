import { findingsFor } from '../../testing';
import { deployment, podSpecLine } from './k8sTestFixtures';

const RULE = 'k8s-host-path-volume';

describe('k8s-host-path-volume', () => {
  it('flags a hostPath at its path, but not the runtime socket', async () => {
    const content = deployment([
      'containers:',
      '  - name: a',
      '    image: a:1',
      'volumes:',
      '  - name: data',
      '    hostPath:',
      '      path: /srv/app-data',
      '  - name: sock',
      '    hostPath: { path: /var/run/docker.sock }',
      '  - name: scratch',
      '    emptyDir: {}',
      '  - name: db',
      '    persistentVolumeClaim: { claimName: db }',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('path: /srv/app-data');
    expect(findings[0].range.start.line).toBe(podSpecLine(6));
    expect(findings[0].message).toContain('"/srv/app-data"');
    expect(findings[0].message).toContain('volume "data"');
  });

  it('can be waived for a node agent', async () => {
    const content = deployment([
      'containers:',
      '  - name: a',
      '    image: a:1',
      'volumes:',
      '  - name: logs',
      '    # scorecard ignore=k8s-host-path-volume reason="log collector reads node logs"',
      '    hostPath:',
      '      path: /var/log',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings[0].suppressed?.reason).toBe(
      'log collector reads node logs',
    );
  });
});
