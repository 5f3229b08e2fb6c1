import { findingsFor } from '../../testing';
import { deployment } from './k8sTestFixtures';

const RULE = 'k8s-capabilities-not-dropped';

describe('k8s-capabilities-not-dropped', () => {
  it('flags a container without drop ALL at its name', async () => {
    const spec = ['containers:', '  - name: app', '    image: acme/api:1'];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['app']);
    expect(findings[0].message).toContain('does not drop ALL');
  });

  it('points at an incomplete drop list, and at each dangerous addition', async () => {
    const spec = [
      'containers:',
      '  - name: vpn',
      '    image: acme/vpn:1',
      '    securityContext:',
      '      capabilities:',
      '        drop: [NET_RAW]',
      '        add:',
      '          - NET_ADMIN',
      '          - CAP_SYS_ADMIN',
      '          - NET_BIND_SERVICE',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual([
      'drop: [NET_RAW]',
      'NET_ADMIN',
      'CAP_SYS_ADMIN',
    ]);
  });

  it('flags add: [ALL] even after drop ALL', async () => {
    const spec = [
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '    securityContext:',
      '      capabilities: { drop: [ALL], add: [ALL] }',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('every capability');
  });

  it.each([
    ['drop ALL', '      capabilities: { drop: [ALL] }'],
    ['drop all in lower case', '      capabilities: { drop: [all] }'],
    [
      'drop ALL with NET_BIND_SERVICE added back',
      '      capabilities: { drop: [ALL], add: [NET_BIND_SERVICE] }',
    ],
    [
      'a privileged container (reported by k8s-privileged-container)',
      '      privileged: true',
    ],
  ])('does not flag %s', async (_name, line) => {
    const spec = [
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '    securityContext:',
      line,
    ];
    expect(await findingsFor(RULE, deployment(spec), 'k8s.yaml')).toEqual([]);
  });
});
