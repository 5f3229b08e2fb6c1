// Peer cases ported from Trivy (KSV026's `_test.rego` in trivy-checks: net.core.somaxconn and
// kernel.msgmax denied, the safe names allowed) and kube-linter (pkg/builtinchecks/yamls/sysctls.yaml,
// unsafe-sysctls: kernel.msg*, kernel.sem, kernel.shm*, fs.mqueue.*, net.*). Deliberate
// differences: kube-linter's `net.` prefix also flags net.ipv4.ip_local_port_range and
// kernel.shm_rmid_forced, which Kubernetes lists as safe; Trivy's older safe list flags
// net.ipv4.ip_local_reserved_ports and the tcp_keepalive_* family, which Kubernetes added later.
import { findingsFor } from '../../testing';
import { cronJob, deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-unsafe-sysctls';

const withSysctls = (...names: string[]) =>
  pod([
    'securityContext:',
    '  sysctls:',
    ...names.flatMap(name => [`    - name: ${name}`, '      value: "1"']),
    'containers:',
    '  - name: hello',
    '    image: busybox:1.36',
  ]);

describe('k8s-unsafe-sysctls', () => {
  it('flags each unsafe sysctl at its name (Trivy)', async () => {
    const findings = await findingsFor(
      RULE,
      withSysctls('net.core.somaxconn', 'kernel.msgmax'),
      'pod.yaml',
    );
    expect(findings.map(f => f.snippet)).toEqual([
      'name: net.core.somaxconn',
      'name: kernel.msgmax',
    ]);
    expect(findings[0].message).toContain('Pod "debug"');
  });

  it("flags kube-linter's prefixes and the rest of the unsafe space", async () => {
    const findings = await findingsFor(
      RULE,
      withSysctls(
        'kernel.sem',
        'kernel.shmmax',
        'fs.mqueue.msg_max',
        'net.ipv4.ip_forward',
        'vm.max_map_count',
      ),
      'pod.yaml',
    );
    expect(findings).toHaveLength(5);
  });

  it('reads Deployments and CronJobs, with `/` separators', async () => {
    const spec = [
      'securityContext:',
      '  sysctls: [{ name: net/core/somaxconn, value: "1024" }]',
      'containers:',
      '  - name: a',
      '    image: a:1',
    ];
    const content = [deployment(spec), cronJob(spec)].join('---\n');
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('Deployment "api"'),
      expect.stringContaining('CronJob "nightly"'),
    ]);
  });

  it.each([
    [
      "Trivy's safe list",
      withSysctls(
        'kernel.shm_rmid_forced',
        'net.ipv4.ip_local_port_range',
        'net.ipv4.ip_unprivileged_port_start',
        'net.ipv4.tcp_syncookies',
        'net.ipv4.ping_group_range',
      ),
    ],
    [
      'the names Kubernetes added to the safe set',
      withSysctls(
        'net.ipv4.ip_local_reserved_ports',
        'net.ipv4.tcp_keepalive_time',
        'net.ipv4.tcp_fin_timeout',
        'net.ipv4.tcp_keepalive_intvl',
        'net.ipv4.tcp_keepalive_probes',
        'net.ipv4.tcp_rmem',
        'net.ipv4.tcp_wmem',
        'net/ipv4/tcp_syncookies',
      ),
    ],
    ['no sysctls', pod(['containers:', '  - name: a', '    image: a:1'])],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'pod.yaml')).toEqual([]);
  });
});
