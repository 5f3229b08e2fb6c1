import { join } from 'node:path';
import { readFixtureTree } from '../../parsing/helm/helmTestUtils';
import { createTestEngine } from '../../testing';

const HELM_CREATE = join(
  __dirname,
  '../../parsing/helm/__fixtures__/helm-create/mychart',
);

function repository(extra: Record<string, string> = {}) {
  const files = readFixtureTree(HELM_CREATE, 'charts/api');
  for (const [path, content] of Object.entries(extra)) files.set(path, content);
  return [...files].map(([path, content]) => ({ path, content }));
}

const PRIVILEGED_VALUES = `# production
replicaCount: 3
securityContext:
  privileged: true
  runAsUser: 0
`;

describe('rendered sources in analyzeRepository', () => {
  it('scores a chart as rendered, and none of its files as standalone manifests', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository(repository());
    const paths = result.files.map(f => f.path).sort();
    expect(paths).toEqual([
      'charts/api/templates/deployment.yaml',
      'charts/api/templates/tests/test-connection.yaml',
    ]);
    const deployment = result.files.find(f =>
      f.path.endsWith('deployment.yaml'),
    )!;
    expect(deployment.status).toBe('analysed');
    expect(deployment.rendering).toEqual({
      renderer: 'helm',
      unit: 'charts/api',
      valuesFiles: ['charts/api/values.yaml'],
    });
    expect(deployment.images).toEqual([{ ref: 'nginx:1.16.0', line: 37 }]);
    for (const finding of deployment.findings) {
      expect(finding.renderedFrom?.path).toBe(
        'charts/api/templates/deployment.yaml',
      );
      expect(finding.fix).toBeUndefined();
    }
  });

  it('points a finding whose value came from a values file at that file and key', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository(
      repository({ 'deploy/values-prod.yaml': PRIVILEGED_VALUES }),
      undefined,
      { helmValuesFiles: ['deploy/values-prod.yaml'] },
    );
    expect(result.files.map(f => f.path)).not.toContain(
      'deploy/values-prod.yaml',
    );
    const deployment = result.files.find(f =>
      f.path.endsWith('deployment.yaml'),
    )!;
    expect(deployment.rendering?.valuesFiles).toEqual([
      'charts/api/values.yaml',
      'deploy/values-prod.yaml',
    ]);
    const privileged = deployment.findings.find(
      f => f.ruleId === 'k8s-privileged-container',
    );
    expect(privileged).toMatchObject({
      path: 'deploy/values-prod.yaml',
      range: { start: { line: 4, column: 3 }, end: { line: 4, column: 19 } },
      snippet: '  privileged: true',
      renderedFrom: {
        renderer: 'helm',
        path: 'charts/api/templates/deployment.yaml',
        range: { start: { line: 36, column: 1 } },
        renderedSnippet: 'privileged: true',
        valuesPath: 'deploy/values-prod.yaml',
        valuesKey: 'securityContext.privileged',
      },
    });
  });

  it('points a finding on template text at the template line', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository(
      repository({
        'charts/api/templates/worker.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "mychart.fullname" . }}-worker
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: worker
          image: "{{ .Values.image.repository }}:1.2.3"
`,
      }),
    );
    const worker = result.files.find(f => f.path.endsWith('worker.yaml'))!;
    const hostNetwork = worker.findings.find(
      f => f.ruleId === 'k8s-host-namespaces',
    );
    expect(hostNetwork).toMatchObject({
      path: 'charts/api/templates/worker.yaml',
      range: { start: { line: 8, column: 1 } },
      snippet: '      hostNetwork: true',
    });
  });

  it('reports a template using an unsupported function as could not analyse, and scores the rest', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository(
      repository({
        'charts/api/templates/secret.yaml':
          'config: {{ toToml .Values.service }}\n',
      }),
    );
    const secret = result.files.find(f => f.path.endsWith('secret.yaml'));
    expect(secret).toMatchObject({
      status: 'could-not-analyse',
      error: {
        code: 'render-error',
        message:
          'Helm function toToml is not supported (charts/api/templates/secret.yaml, line 1)',
      },
    });
    expect(
      result.files.find(f => f.path.endsWith('deployment.yaml'))?.status,
    ).toBe('analysed');
  });

  it('says that dependencies not vendored in charts/ were not rendered', async () => {
    const engine = await createTestEngine();
    const files = repository();
    const chart = files.find(f => f.path === 'charts/api/Chart.yaml')!;
    chart.content += `dependencies:
  - name: postgresql
    version: 15.x.x
    repository: oci://registry-1.docker.io/bitnamicharts
`;
    const result = engine.analyzeRepository(files);
    expect(result.files[0].rendering?.notes).toEqual([
      expect.stringContaining('The subchart postgresql was not rendered'),
    ]);
  });

  it('ends a hostile chart in a named limit from the configuration, never a hang', async () => {
    const engine = await createTestEngine({
      config: { limits: { maxTemplateSteps: 5000 } },
    });
    const started = Date.now();
    const result = engine.analyzeRepository(
      repository({
        'charts/api/templates/loop.yaml':
          '{{- range until 1000000 }}{{ include "mychart.fullname" $ }}{{ end }}\n',
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    const loop = result.files.find(f => f.path.endsWith('loop.yaml'));
    expect(loop).toMatchObject({
      status: 'could-not-analyse',
      error: {
        code: 'render-error',
        message: expect.stringContaining(
          'more than 5000 steps (limits.maxTemplateSteps)',
        ),
      },
    });
    // The templates after it are not silently left out: each says the chart reached the limit.
    expect(
      result.files.find(f => f.path.endsWith('serviceaccount.yaml')),
    ).toMatchObject({
      status: 'could-not-analyse',
      error: { message: expect.stringContaining('limits.maxTemplateSteps') },
    });
  });
});
