import { join } from 'node:path';
import { readFixtureTree } from '../../parsing/helm/helmTestUtils';
import { createTestEngine } from '../../testing';

const REPOS = join(__dirname, '../../../../../examples/repos');
const repository = (name: string) =>
  [...readFixtureTree(join(REPOS, name), '')].map(([path, content]) => ({
    path,
    content,
  }));

describe('the demo services that deploy through Helm', () => {
  it('returns-portal: privileged and root point at the chart values.yaml', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository(repository('returns-portal'));
    expect(result.files.map(f => f.path).sort()).toEqual([
      'Dockerfile',
      'chart/returns-portal/templates/deployment.yaml',
    ]);
    const deployment = result.files[1].path.endsWith('deployment.yaml')
      ? result.files[1]
      : result.files[0];
    const byRule = new Map(deployment.findings.map(f => [f.ruleId, f]));
    expect(byRule.get('k8s-privileged-container')).toMatchObject({
      path: 'chart/returns-portal/values.yaml',
      range: { start: { line: 19 } },
      snippet: '  privileged: true',
      renderedFrom: { valuesKey: 'securityContext.privileged' },
    });
    expect(byRule.get('k8s-run-as-root')).toMatchObject({
      path: 'chart/returns-portal/values.yaml',
      range: { start: { line: 20 } },
      renderedFrom: { valuesKey: 'securityContext.runAsUser' },
    });
  });

  it('parcel-notifier: the values file its annotation names is applied and pointed at', async () => {
    const engine = await createTestEngine();
    const files = repository('parcel-notifier');
    const withoutProd = engine.analyzeRepository(files);
    const chartOnly = withoutProd.files.find(f =>
      f.path.endsWith('deployment.yaml'),
    )!;
    expect(chartOnly.findings).toEqual([]);
    const result = engine.analyzeRepository(files, undefined, {
      helmValuesFiles: ['deploy/values-prod.yaml'],
    });
    const deployment = result.files.find(f =>
      f.path.endsWith('deployment.yaml'),
    )!;
    expect(deployment.findings).toEqual([
      expect.objectContaining({
        ruleId: 'k8s-secrets-in-env',
        path: 'deploy/values-prod.yaml',
        renderedFrom: expect.objectContaining({
          path: 'deploy/chart/templates/deployment.yaml',
          valuesKey: 'extraEnv[0].name',
        }),
      }),
    ]);
    expect(deployment.images).toEqual([
      expect.objectContaining({
        ref: 'registry.northwind.example/shipping/parcel-notifier@sha256:7c3e5f0d8b1a2c4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6',
      }),
    ]);
  });
});
