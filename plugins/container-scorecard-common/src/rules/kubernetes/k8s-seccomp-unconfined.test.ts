// Peer cases ported from Trivy, trivy-checks checks/kubernetes/pss/baseline (KSV104's
// `_test.rego`: container Unconfined, no profile, RuntimeDefault containers, Deployment pod-level
// RuntimeDefault and Unconfined, container override both ways, CronJob, Pod annotation unconfined
// and runtime/default), and Checkov's Seccomp.py (pod-level RuntimeDefault, the
// `seccomp.security.alpha.kubernetes.io/pod` annotation with runtime/default or docker/default).
// Deliberate difference: Trivy's last case (a container annotation `unconfined` under a pod-level
// RuntimeDefault field) passes there; the kubelet that honoured these annotations applied the
// container annotation before the pod field, so it is reported here.
import { findingsFor, fixedBy, lines } from '../../testing';
import { cronJob, deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-seccomp-unconfined';
const busybox = ['containers:', '  - name: hello', '    image: busybox:1.36'];

describe('k8s-seccomp-unconfined', () => {
  it('flags a container set to Unconfined and fixes it to RuntimeDefault (Trivy)', async () => {
    const content = pod([
      'containers:',
      '  - name: hello',
      '    image: busybox:1.36',
      '    securityContext:',
      '      seccompProfile:',
      '        type: Unconfined',
    ]);
    const findings = await findingsFor(RULE, content, 'pod.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['type: Unconfined']);
    expect(findings[0].message).toContain('Container "hello" of Pod "debug"');
    expect(await fixedBy(RULE, content, 'pod.yaml')).toBe(
      content.replace('type: Unconfined', 'type: RuntimeDefault'),
    );
  });

  it('flags a pod with no profile once, at the workload (Trivy, Checkov)', async () => {
    const findings = await findingsFor(
      RULE,
      deployment([...busybox, '  - name: side', '    image: side:1']),
      'k8s/api.yaml',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('containers');
    expect(findings[0].message).toContain(
      'Deployment "api" sets no seccomp profile',
    );
  });

  it('flags the containers without a profile when others have one', async () => {
    const content = deployment([
      'containers:',
      '  - name: a',
      '    image: a:1',
      '    securityContext: { seccompProfile: { type: RuntimeDefault } }',
      '  - name: b',
      '    image: b:1',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining(
        'Container "b" of Deployment "api" has no seccomp profile',
      ),
    ]);
  });

  it('flags a pod-level Unconfined once, and not the container that overrides it (Trivy)', async () => {
    const content = deployment([
      'securityContext:',
      '  seccompProfile:',
      '    type: Unconfined',
      'containers:',
      '  - name: a',
      '    image: a:1',
      '  - name: b',
      '    image: b:1',
      '    securityContext: { seccompProfile: { type: RuntimeDefault } }',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual(['type: Unconfined']);
    expect(findings[0].message).toContain('Container "a"');
  });

  it('flags a container Unconfined under a RuntimeDefault pod (Trivy)', async () => {
    const content = deployment([
      'securityContext: { seccompProfile: { type: RuntimeDefault } }',
      'containers:',
      '  - name: container',
      '    image: node:8-alpine',
      '  - name: container2',
      '    image: node:8-alpine',
      '    securityContext: { seccompProfile: { type: Unconfined } }',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('"container2"');
  });

  it('flags CronJobs (Trivy) and the legacy unconfined annotations', async () => {
    const content = [
      cronJob([
        'containers:',
        '  - name: test-container',
        '    image: node:8-alpine',
        '    securityContext: { seccompProfile: { type: Unconfined } }',
      ]),
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: legacy',
        '  annotations:',
        '    container.seccomp.security.alpha.kubernetes.io/test-container: unconfined',
        'spec:',
        '  containers:',
        '    - name: test-container',
        '      image: node:8-alpine',
      ),
      lines(
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: web }',
        'spec:',
        '  template:',
        '    metadata:',
        '      annotations:',
        '        seccomp.security.alpha.kubernetes.io/pod: unconfined',
        '    spec:',
        '      containers:',
        '        - name: web',
        '          image: web:1',
      ),
    ].join('---\n');
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.snippet)).toEqual([
      'type: Unconfined',
      'container.seccomp.security.alpha.kubernetes.io/test-container: unconfined',
      'seccomp.security.alpha.kubernetes.io/pod: unconfined',
    ]);
    expect(findings[0].message).toContain('CronJob "nightly"');
  });

  it('reports the container annotation before the pod field (deliberate difference with Trivy)', async () => {
    const content = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: mydeployment }',
      'spec:',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        container.seccomp.security.alpha.kubernetes.io/test-container: unconfined',
      '    spec:',
      '      securityContext: { seccompProfile: { type: RuntimeDefault } }',
      '      containers:',
      '        - name: test-container',
      '          image: node:8-alpine',
    );
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toHaveLength(1);
  });

  it.each([
    [
      'RuntimeDefault on every container (Trivy)',
      pod([
        'containers:',
        '  - name: container-1',
        '    image: nginx:1.27',
        '    securityContext: { seccompProfile: { type: RuntimeDefault } }',
        '  - name: container-2',
        '    image: busybox:1.36',
        '    securityContext: { seccompProfile: { type: RuntimeDefault } }',
      ]),
    ],
    [
      'RuntimeDefault on the pod (Trivy, Checkov)',
      deployment([
        'securityContext:',
        '  seccompProfile:',
        '    type: RuntimeDefault',
        ...busybox,
      ]),
    ],
    [
      'a Localhost profile',
      deployment([
        'securityContext:',
        '  seccompProfile: { type: Localhost, localhostProfile: profiles/app.json }',
        ...busybox,
      ]),
    ],
    [
      'a container that overrides a pod-level Unconfined (Trivy)',
      deployment([
        'securityContext: { seccompProfile: { type: Unconfined } }',
        'containers:',
        '  - name: container',
        '    image: node:8-alpine',
        '    securityContext: { seccompProfile: { type: RuntimeDefault } }',
      ]),
    ],
    [
      'the legacy pod annotation runtime/default or docker/default (Checkov)',
      [
        lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata:',
          '  name: a',
          '  annotations:',
          '    seccomp.security.alpha.kubernetes.io/pod: runtime/default',
          'spec:',
          '  containers: [{ name: a, image: "a:1" }]',
        ),
        lines(
          'apiVersion: v1',
          'kind: Pod',
          'metadata:',
          '  name: b',
          '  annotations:',
          '    seccomp.security.alpha.kubernetes.io/pod: docker/default',
          'spec:',
          '  containers: [{ name: b, image: "b:1" }]',
        ),
      ].join('---\n'),
    ],
    [
      'a container annotation runtime/default (Trivy)',
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: mydeployment',
        '  annotations:',
        '    container.seccomp.security.alpha.kubernetes.io/test-container: runtime/default',
        'spec:',
        '  containers: [{ name: test-container, image: "node:8-alpine" }]',
      ),
    ],
    [
      'a Windows pod',
      deployment(['nodeSelector:', '  kubernetes.io/os: windows', ...busybox]),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });
});
