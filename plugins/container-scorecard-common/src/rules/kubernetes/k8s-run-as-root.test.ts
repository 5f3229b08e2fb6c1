import { findingsFor } from '../../testing';
import { cronJob, deployment, pod, podSpecLine } from './k8sTestFixtures';

const RULE = 'k8s-run-as-root';

describe('k8s-run-as-root', () => {
  it('flags a container with no setting at its name', async () => {
    const spec = ['containers:', '  - name: app', '    image: acme/api:1'];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('app');
    expect(findings[0].range.start).toEqual({
      line: podSpecLine(1),
      column: 17,
    });
    expect(findings[0].message).toContain(
      'Container "app" of Deployment "api"',
    );
  });

  it('lets containers inherit runAsNonRoot from the pod', async () => {
    const spec = [
      'securityContext:',
      '  runAsNonRoot: true',
      'initContainers:',
      '  - name: migrate',
      '    image: acme/migrate:1',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
    ];
    expect(await findingsFor(RULE, deployment(spec), 'k8s.yaml')).toEqual([]);
  });

  it('lets a container override the pod default (and flags the override)', async () => {
    const spec = [
      'securityContext:',
      '  runAsNonRoot: true',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '  - name: sidecar',
      '    image: acme/proxy:1',
      '    securityContext:',
      '      runAsNonRoot: false',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('runAsNonRoot: false');
    expect(findings[0].message).toContain('"sidecar"');
  });

  it('flags runAsUser: 0 even with runAsNonRoot: true, pointing where it is set', async () => {
    const spec = [
      'securityContext:',
      '  runAsUser: 0',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '    securityContext:',
      '      runAsNonRoot: true',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('runAsUser: 0');
    expect(findings[0].range.start.line).toBe(podSpecLine(1));
    expect(findings[0].message).toContain(
      'inherited from the pod securityContext',
    );
  });

  it('accepts a non-zero runAsUser at either level, and a container UID over a pod root UID', async () => {
    const spec = [
      'securityContext:',
      '  runAsUser: 0',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '    securityContext:',
      '      runAsUser: 10001',
    ];
    expect(await findingsFor(RULE, deployment(spec), 'k8s.yaml')).toEqual([]);
    const podLevel = [
      'securityContext: { runAsUser: 1000 }',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
    ];
    expect(await findingsFor(RULE, deployment(podLevel), 'k8s.yaml')).toEqual(
      [],
    );
  });

  it('flags a pod-level runAsNonRoot: false at the pod key for every container', async () => {
    const spec = [
      'securityContext:',
      '  runAsNonRoot: false',
      'containers:',
      '  - name: a',
      '    image: a:1',
      '  - name: b',
      '    image: b:1',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings.map(f => f.range.start.line)).toEqual([
      podSpecLine(1),
      podSpecLine(1),
    ]);
    expect(findings[0].message).toContain('in the pod securityContext');
  });

  it('checks init containers and CronJob pods, and skips Windows pods', async () => {
    const cron = cronJob([
      'initContainers:',
      '  - name: init',
      '    image: busybox:1.36',
      'containers:',
      '  - name: job',
      '    image: acme/job:1',
      '    securityContext: { runAsNonRoot: true }',
    ]);
    const findings = await findingsFor(RULE, cron, 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('initContainer "init" of CronJob "nightly"'),
    ]);
    const windows = pod([
      'nodeSelector:',
      '  kubernetes.io/os: windows',
      'containers:',
      '  - name: iis',
      '    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022',
    ]);
    expect(await findingsFor(RULE, windows, 'k8s.yaml')).toEqual([]);
  });
});
