import { findingsFor } from '../../testing';
import { cronJob, deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-missing-probes';

describe('k8s-missing-probes', () => {
  it('flags containers missing one or both probes, at their names', async () => {
    const spec = [
      'initContainers:',
      '  - name: migrate',
      '    image: acme/migrate:1',
      'containers:',
      '  - name: api',
      '    image: acme/api:1',
      '  - name: proxy',
      '    image: acme/proxy:1',
      '    readinessProbe: { tcpSocket: { port: 8443 } }',
      '  - name: ok',
      '    image: acme/ok:1',
      '    readinessProbe: { httpGet: { path: /ready, port: 8080 } }',
      '    livenessProbe: { httpGet: { path: /healthz, port: 8080 } }',
    ];
    const findings = await findingsFor(RULE, deployment(spec), 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['api', 'proxy']);
    expect(findings[0].message).toContain('no liveness or readiness probe');
    expect(findings[1].message).toContain('no liveness probe');
  });

  it.each([
    [
      'CronJobs',
      cronJob(['containers:', '  - name: job', '    image: acme/job:1']),
    ],
    [
      'Jobs',
      [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata: { name: once }',
        'spec:',
        '  template:',
        '    spec:',
        '      restartPolicy: Never',
        '      containers:',
        '        - name: job',
        '          image: acme/job:1',
        '',
      ].join('\n'),
    ],
    [
      'Pods that run to completion',
      pod([
        'restartPolicy: OnFailure',
        'containers:',
        '  - name: task',
        '    image: acme/task:1',
      ]),
    ],
  ])('exempts %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });

  it('checks long-running bare Pods', async () => {
    const content = pod([
      'containers:',
      '  - name: web',
      '    image: acme/web:1',
    ]);
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toHaveLength(1);
  });
});
