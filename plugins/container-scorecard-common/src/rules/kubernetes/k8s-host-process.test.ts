// Peer cases ported from Trivy (KSV103's `_test.rego` in trivy-checks: pod-level and
// container-level `windowsOptions.hostProcess` true denied; false and unspecified allowed).
import { findingsFor } from '../../testing';
import { deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-host-process';
const hello = ['  - name: hello', '    image: busybox:1.36'];

describe('k8s-host-process', () => {
  it('flags the pod-level setting (Trivy)', async () => {
    const content = pod([
      'securityContext:',
      '  windowsOptions:',
      '    hostProcess: true',
      'containers:',
      ...hello,
    ]);
    const findings = await findingsFor(RULE, content, 'pod.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['hostProcess: true']);
    expect(findings[0].message).toContain('Pod "debug"');
  });

  it('flags the container-level setting (Trivy)', async () => {
    const content = deployment([
      'securityContext: {}',
      'containers:',
      ...hello,
      '    securityContext:',
      '      windowsOptions: { hostProcess: true, runAsUserName: "NT AUTHORITY\\\\SYSTEM" }',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(
      'Container "hello" of Deployment "api"',
    );
  });

  it.each([
    [
      'pod-level false (Trivy)',
      pod([
        'securityContext:',
        '  windowsOptions: { hostProcess: false }',
        'containers:',
        ...hello,
      ]),
    ],
    [
      'container-level false (Trivy)',
      pod([
        'containers:',
        ...hello,
        '    securityContext: { windowsOptions: { hostProcess: false } }',
      ]),
    ],
    [
      'unspecified (Trivy)',
      pod([
        'containers:',
        ...hello,
        '    securityContext: { windowsOptions: {} }',
      ]),
    ],
    [
      'the quoted string "true" (rejected by the API server)',
      pod([
        'securityContext:',
        '  windowsOptions: { hostProcess: "true" }',
        'containers:',
        ...hello,
      ]),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });
});
