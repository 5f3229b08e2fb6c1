// Peer cases ported from kube-linter, pkg/templates/livenessport/template_test.go (the template
// behind liveness-port; readiness-port and startup-port use the same logic): no probe, matching
// number, matching name, mismatched number 9999, mismatched name "healthcheck".
// Deliberate differences: kube-linter also reports a number when the container lists no ports,
// or when a sibling container declares it; both probes work, so they pass here.
import { findingsFor } from '../../testing';
import { deployment } from './k8sTestFixtures';

const RULE = 'k8s-probe-port-not-exposed';

const container = (...probe: string[]) =>
  deployment([
    'containers:',
    '  - name: container',
    '    image: app:1',
    '    ports:',
    '      - name: http',
    '        containerPort: 8080',
    ...probe.map(l => `    ${l}`),
  ]);

describe('k8s-probe-port-not-exposed', () => {
  it('flags a mismatched number (kube-linter MismaptchPort 9999)', async () => {
    const findings = await findingsFor(
      RULE,
      container('livenessProbe:', '  httpGet:', '    port: 9999'),
      'k8s.yaml',
    );
    expect(findings.map(f => f.snippet)).toEqual(['port: 9999']);
    expect(findings[0].message).toContain(
      'livenessProbe of Container "container" of Deployment "api" targets port 9999',
    );
  });

  it('flags a mismatched name (kube-linter MismaptchPort "healthcheck")', async () => {
    const findings = await findingsFor(
      RULE,
      container('livenessProbe:', '  httpGet:', '    port: healthcheck'),
      'k8s.yaml',
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('"healthcheck"');
    expect(findings[0].message).toContain('can never succeed');
  });

  it('reads readiness and startup probes, tcpSocket and grpc', async () => {
    const findings = await findingsFor(
      RULE,
      container(
        'readinessProbe:',
        '  tcpSocket: { port: admin }',
        'startupProbe:',
        '  grpc: { port: 9090 }',
      ),
      'k8s.yaml',
    );
    expect(findings.map(f => f.message)).toEqual([
      expect.stringContaining('readinessProbe'),
      expect.stringContaining('startupProbe'),
    ]);
  });

  it('flags a named port that only a sibling declares', async () => {
    const content = deployment([
      'containers:',
      '  - name: app',
      '    image: app:1',
      '    livenessProbe: { httpGet: { port: metrics } }',
      '  - name: sidecar',
      '    image: side:1',
      '    ports: [{ name: metrics, containerPort: 9100 }]',
    ]);
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toHaveLength(1);
  });

  it.each([
    ['no probe (kube-linter NoLivenessProbe)', container()],
    [
      'a matching number (kube-linter MatchinPortInt)',
      container('livenessProbe:', '  httpGet:', '    port: 8080'),
    ],
    [
      'a matching name (kube-linter MatchinPortStr)',
      container('livenessProbe:', '  httpGet:', '    port: http'),
    ],
    [
      'an exec probe',
      container('livenessProbe:', '  exec: { command: [cat, /tmp/ok] }'),
    ],
    [
      'a number when the container declares no ports (deliberate difference)',
      deployment([
        'containers:',
        '  - name: app',
        '    image: app:1',
        '    readinessProbe: { httpGet: { path: /ready, port: 3000 } }',
      ]),
    ],
    [
      'a number the container is told to listen on (kubebuilder scaffold)',
      deployment([
        'containers:',
        '  - name: manager',
        '    image: controller:1',
        '    args: [--metrics-bind-address=:8443, --health-probe-bind-address=:8081]',
        '    ports: [{ containerPort: 9443, name: webhook-server }]',
        '    livenessProbe: { httpGet: { path: /healthz, port: 8081 } }',
        '    env: [{ name: ADMIN_PORT, value: "9000" }]',
        '    readinessProbe: { tcpSocket: { port: 9000 } }',
      ]),
    ],
    [
      'a number a sibling container declares (deliberate difference)',
      deployment([
        'containers:',
        '  - name: app',
        '    image: app:1',
        '    ports: [{ containerPort: 8080 }]',
        '    livenessProbe: { httpGet: { port: 15020 } }',
        '  - name: proxy',
        '    image: proxy:1',
        '    ports: [{ containerPort: 15020 }]',
      ]),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content, 'k8s.yaml')).toEqual([]);
  });
});
