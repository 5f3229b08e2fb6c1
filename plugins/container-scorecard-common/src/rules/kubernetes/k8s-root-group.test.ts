// Peer cases ported from Trivy (KSV116's `_test.rego` in trivy-checks: runAsGroup 0,
// supplementalGroups [0] and fsGroup 0 denied; the same settings non-zero, which Trivy's test
// also expects to fail through a quirk of its rule, pass here as the check's description says).
import { findingsFor } from '../../testing';
import { deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-root-group';
const hello = ['containers:', '  - name: hello', '    image: busybox:1.36'];

describe('k8s-root-group', () => {
  it('flags runAsGroup, fsGroup and supplementalGroups set to 0 on the pod (Trivy)', async () => {
    const content = pod([
      'securityContext:',
      '  runAsGroup: 0',
      '  supplementalGroups: [0]',
      '  fsGroup: 0',
      ...hello,
    ]);
    const findings = await findingsFor(RULE, content, 'pod.yaml');
    expect(findings.map(f => f.snippet)).toEqual([
      'runAsGroup: 0',
      '0',
      'fsGroup: 0',
    ]);
    expect(findings[0].message).toContain('Pod "debug"');
  });

  it('flags a container runAsGroup: 0, in init containers too', async () => {
    const content = deployment([
      'initContainers:',
      '  - name: init',
      '    image: init:1',
      '    securityContext: { runAsGroup: 0 }',
      'containers:',
      '  - name: app',
      '    image: app:1',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('initContainer "init" of Deployment "api"'),
    ]);
  });

  it.each([
    [
      'non-zero groups (Trivy)',
      pod([
        'securityContext:',
        '  runAsGroup: 1001',
        '  supplementalGroups: [1002]',
        '  fsGroup: 1003',
        ...hello,
      ]),
    ],
    ['no groups', pod(hello)],
    [
      'a pod runAsGroup: 0 that every container overrides',
      pod([
        'securityContext: { runAsGroup: 0 }',
        ...hello,
        '    securityContext: { runAsGroup: 1000 }',
      ]),
    ],
    [
      'a Windows pod',
      pod([
        'os: { name: windows }',
        'securityContext: { runAsGroup: 0 }',
        ...hello,
      ]),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });
});
