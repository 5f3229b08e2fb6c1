import { findingsFor } from '../../testing';
import { cronJob, deployment, pod, podSpecLine } from './k8sTestFixtures';

const RULE = 'k8s-host-namespaces';

describe('k8s-host-namespaces', () => {
  it('flags each host namespace at its key', async () => {
    const spec = [
      'hostNetwork: true',
      'hostPID: true',
      'hostIPC: true',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s/api.yaml');
    expect(findings.map(f => f.snippet)).toEqual([
      'hostNetwork: true',
      'hostPID: true',
      'hostIPC: true',
    ]);
    expect(findings[0].range.start).toEqual({
      line: podSpecLine(0),
      column: 7,
    });
    expect(findings[0].message).toContain('Deployment "api"');
    expect(findings[1].message).toContain('process table');
  });

  it('handles CronJobs and bare Pods', async () => {
    const containers = ['containers:', '  - name: a', '    image: a:1'];
    const content = [
      cronJob(['hostPID: true', ...containers]),
      pod(['hostNetwork: true', ...containers]),
    ].join('---\n');
    const findings = await findingsFor(RULE, content, 'k8s/all.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('CronJob "nightly"'),
      expect.stringContaining('Pod "debug"'),
    ]);
  });

  it.each([
    ['false values', ['hostNetwork: false', 'hostPID: false']],
    [
      'the quoted string "true" (rejected by the API server)',
      ['hostNetwork: "true"'],
    ],
    ['no namespace keys', ['dnsPolicy: ClusterFirst']],
  ])('does not flag %s', async (_name, extra) => {
    const content = deployment([
      ...extra,
      'containers:',
      '  - name: a',
      '    image: a:1',
    ]);
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });
});
