import { findingsFor } from '../../testing';
import { deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-privilege-escalation';

describe('k8s-privilege-escalation', () => {
  it('flags unset and explicit true, at the name or the key', async () => {
    const spec = [
      'initContainers:',
      '  - name: init',
      '    image: busybox:1.36',
      '    securityContext:',
      '      allowPrivilegeEscalation: true',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '  - name: ok',
      '    image: acme/ok:1',
      '    securityContext: { allowPrivilegeEscalation: false }',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual([
      'allowPrivilegeEscalation: true',
      'app',
    ]);
    expect(findings[0].message).toContain('initContainer "init"');
  });

  it('does not take the setting from the pod securityContext (it has no such field)', async () => {
    const spec = [
      'securityContext:',
      '  allowPrivilegeEscalation: false',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
    ];
    expect(await findingsFor(RULE, deployment(spec), 'k8s.yaml')).toHaveLength(
      1,
    );
  });

  it('skips Windows pods', async () => {
    const spec = [
      'os: { name: windows }',
      'containers:',
      '  - name: app',
      '    image: mcr.microsoft.com/windows/nanoserver:ltsc2022',
    ];
    expect(await findingsFor(RULE, pod(spec), 'k8s.yaml')).toEqual([]);
  });
});
