import { findingsFor, lines } from '../../testing';

const RULE = 'k8s-privileged-container';

const deployment = (containerLines: string[]) =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  template:',
    '    spec:',
    ...containerLines.map(l => `      ${l}`),
  );

describe('k8s-privileged-container', () => {
  it('flags a privileged container of a Deployment at the key', async () => {
    const content = deployment([
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
      '    securityContext:',
      '      privileged: true',
    ]);
    const findings = await findingsFor(RULE, content, 'deploy/api.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start).toEqual({ line: 12, column: 13 });
    expect(findings[0].message).toContain('Deployment "api"');
  });

  it('flags init containers too', async () => {
    const content = deployment([
      'initContainers:',
      '  - name: sysctl',
      '    image: busybox:1.36',
      '    securityContext: { privileged: true }',
      'containers:',
      '  - name: app',
      '    image: acme/api:1',
    ]);
    const findings = await findingsFor(RULE, content, 'deploy/api.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('initContainer "sysctl"');
  });

  it('handles CronJob job templates, bare Pods and multi-document files', async () => {
    const content = [
      'apiVersion: batch/v1',
      'kind: CronJob',
      'metadata: { name: nightly }',
      'spec:',
      '  schedule: "0 3 * * *"',
      '  jobTemplate:',
      '    spec:',
      '      template:',
      '        spec:',
      '          containers:',
      '            - name: job',
      '              image: acme/job:1',
      '              securityContext:',
      '                privileged: true',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: svc }',
      '---',
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: debug }',
      'spec:',
      '  containers:',
      '    - name: shell',
      '      image: busybox:1.36',
      '      securityContext:',
      '        privileged: true',
      '',
    ].join('\n');
    const findings = await findingsFor(RULE, content, 'k8s/all.yml');
    expect(findings.map(f => f.range.start.line)).toEqual([14, 28]);
  });

  it.each([
    [
      'privileged: false',
      deployment([
        'containers:',
        '  - name: app',
        '    image: a:1',
        '    securityContext:',
        '      privileged: false',
      ]),
    ],
    [
      'allowPrivilegeEscalation only',
      deployment([
        'containers:',
        '  - name: app',
        '    image: a:1',
        '    securityContext:',
        '      allowPrivilegeEscalation: true',
      ]),
    ],
    [
      'a pod-level securityContext without privileged',
      deployment([
        'securityContext: { runAsNonRoot: true }',
        'containers:',
        '  - name: app',
        '    image: a:1',
      ]),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'deploy.yaml')).toEqual([]);
  });
});
