// Peer cases ported from Trivy (trivy-checks checks/kubernetes/access_to_host_ports.rego, KSV024:
// hostPort on containers and initContainers), Polaris (checks/hostPortSet.yaml: `hostPort: 0`
// passes) and Checkov (checkov/kubernetes/checks/resource/k8s/HostPort.py, CKV_K8S_26). Checkov
// also fails `hostPort: 0`; that is the one deliberate difference.
import { findingsFor } from '../../testing';
import { cronJob, deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-host-port';

describe('k8s-host-port', () => {
  it('flags each hostPort at its key, in containers and initContainers', async () => {
    const content = deployment([
      'initContainers:',
      '  - name: init',
      '    image: init:1',
      '    ports: [{ containerPort: 9000, hostPort: 9000 }]',
      'containers:',
      '  - name: app',
      '    image: app:1',
      '    ports:',
      '      - containerPort: 8080',
      '        hostPort: 8080',
      '      - containerPort: 9090',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual([
      'hostPort: 9000',
      'hostPort: 8080',
    ]);
    expect(findings[0].message).toContain(
      'initContainer "init" of Deployment "api"',
    );
  });

  it('flags bare Pods (Trivy) and CronJobs', async () => {
    const spec = [
      'containers:',
      '  - name: hello',
      '    image: busybox:1.36',
      '    ports: [{ hostPort: 8080 }]',
    ];
    const content = [pod(spec), cronJob(spec)].join('---\n');
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('Pod "debug"'),
      expect.stringContaining('CronJob "nightly"'),
    ]);
  });

  it.each([
    ['no hostPort', ['ports:', '  - containerPort: 8080']],
    [
      'hostPort: 0 (Polaris)',
      ['ports:', '  - containerPort: 8080', '    hostPort: 0'],
    ],
    ['no ports', []],
  ])('does not flag %s', async (_name, extra) => {
    const content = deployment([
      'containers:',
      '  - name: app',
      '    image: app:1',
      ...extra.map(l => `    ${l}`),
    ]);
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });
});
