// Peer cases ported from Trivy (trivy-checks checks/kubernetes/apparmor_policy_disabled.yaml,
// KSV002: good `runtime/default` annotation; bad `custom`). Trivy reports every annotation value
// other than runtime/default; this rule follows the Pod Security Standards and reports only
// `unconfined`, so Trivy's `custom` example is a deliberate difference (asserted as a pass).
import { findingsFor, fixedBy, lines } from '../../testing';
import { deployment, pod } from './k8sTestFixtures';

const RULE = 'k8s-apparmor-unconfined';

const annotated = (value: string) =>
  lines(
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  annotations:',
    `    container.apparmor.security.beta.kubernetes.io/hello: ${value}`,
    '  name: hello-apparmor',
    'spec:',
    '  containers:',
    '    - command: [sh, -c, "echo Hello AppArmor! && sleep 1h"]',
    '      image: busybox:1.36',
    '      name: hello',
  );

describe('k8s-apparmor-unconfined', () => {
  it('flags the legacy annotation set to unconfined', async () => {
    const findings = await findingsFor(
      RULE,
      annotated('unconfined'),
      'pod.yaml',
    );
    expect(findings.map(f => f.snippet)).toEqual([
      'container.apparmor.security.beta.kubernetes.io/hello: unconfined',
    ]);
    expect(findings[0].message).toContain(
      'Container "hello" of Pod "hello-apparmor"',
    );
  });

  it('flags appArmorProfile Unconfined at pod and container level, and fixes it', async () => {
    const content = deployment([
      'securityContext:',
      '  appArmorProfile:',
      '    type: Unconfined',
      'containers:',
      '  - name: app',
      '    image: app:1',
      '    securityContext:',
      '      appArmorProfile:',
      '        type: Unconfined',
    ]);
    const findings = await findingsFor(RULE, content, 'k8s.yaml');
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('Deployment "api" sets'),
      expect.stringContaining('Container "app" of Deployment "api"'),
    ]);
    expect(await fixedBy(RULE, content, 'k8s.yaml')).toBe(
      content.replace(/type: Unconfined/g, 'type: RuntimeDefault'),
    );
  });

  it('reads annotations on a Deployment pod template', async () => {
    const content = lines(
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: web }',
      'spec:',
      '  template:',
      '    metadata:',
      '      annotations:',
      '        container.apparmor.security.beta.kubernetes.io/web: unconfined',
      '    spec:',
      '      containers:',
      '        - name: web',
      '          image: web:1',
    );
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toHaveLength(1);
  });

  it.each([
    [
      'the runtime/default annotation (Trivy good)',
      annotated('runtime/default'),
    ],
    [
      'a custom profile annotation (Trivy bad: deliberate difference)',
      annotated('custom'),
    ],
    [
      'a localhost profile',
      annotated('localhost/k8s-apparmor-example-deny-write'),
    ],
    [
      'RuntimeDefault and Localhost fields',
      pod([
        'securityContext: { appArmorProfile: { type: RuntimeDefault } }',
        'containers:',
        '  - name: a',
        '    image: a:1',
        '    securityContext:',
        '      appArmorProfile: { type: Localhost, localhostProfile: app }',
      ]),
    ],
    [
      'an annotation for a container the pod does not have',
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'metadata:',
        '  name: p',
        '  annotations:',
        '    container.apparmor.security.beta.kubernetes.io/other: unconfined',
        'spec:',
        '  containers: [{ name: a, image: "a:1" }]',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });
});
