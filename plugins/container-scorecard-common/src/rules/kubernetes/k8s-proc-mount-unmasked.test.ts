// Peer cases ported from Trivy (KSV027's `_test.rego` in trivy-checks: `procMount: Unmasked`
// denied, an empty securityContext allowed) and kube-linter's unsafe-proc-mount
// (pkg/builtinchecks/yamls/unsafe-proc-mount.yaml: Unmasked reported, Default not). Trivy also
// reports `procMount: Default`; here it passes, as in kube-linter and the Pod Security Standards.
import { findingsFor, fixedBy } from '../../testing';
import { deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-proc-mount-unmasked';

const withSecurityContext = (securityContext: string[]) =>
  pod([
    'containers:',
    '  - name: hello',
    '    image: busybox:1.36',
    '    ports: [{ hostPort: 8080 }]',
    ...securityContext.map(l => `    ${l}`),
  ]);

describe('k8s-proc-mount-unmasked', () => {
  it('flags procMount: Unmasked and fixes it to Default (Trivy, kube-linter)', async () => {
    const content = withSecurityContext([
      'securityContext:',
      '  procMount: Unmasked',
    ]);
    const findings = await findingsFor(RULE, content, 'pod.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['procMount: Unmasked']);
    expect(findings[0].message).toContain('Container "hello" of Pod "debug"');
    expect(await fixedBy(RULE, content, 'pod.yaml')).toBe(
      withSecurityContext(['securityContext:', '  procMount: Default']),
    );
  });

  it('flags init containers', async () => {
    const content = deployment([
      'initContainers:',
      '  - name: nested',
      '    image: runtime:1',
      '    securityContext: { procMount: Unmasked }',
      'containers:',
      '  - name: app',
      '    image: app:1',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('initContainer "nested"'),
    ]);
  });

  it.each([
    ['an empty securityContext (Trivy)', ['securityContext: {}']],
    [
      'procMount: Default (kube-linter)',
      ['securityContext:', '  procMount: Default'],
    ],
    ['no securityContext', []],
  ])('does not flag %s', async (_name, securityContext) => {
    expect(
      await findingsFor(RULE, withSecurityContext(securityContext), 'pod.yaml'),
    ).toEqual([]);
  });
});
