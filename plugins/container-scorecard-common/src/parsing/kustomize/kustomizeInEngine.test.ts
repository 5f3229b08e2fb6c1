import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import { createTestEngine } from '../../testing';

const DEMO = resolve(
  __dirname,
  '../../../../../examples/repos/pickup-scheduler',
);

function readTree(root: string) {
  const files: { path: string; content: string }[] = [];
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      if (statSync(path).isDirectory()) walk(path);
      else
        files.push({
          path: relative(root, path).split('\\').join('/'),
          content: readFileSync(path, 'utf8'),
        });
    }
  };
  walk(root);
  return files;
}

describe('Kustomize overlays in analyzeRepository', () => {
  it('scores each overlay as deployed; no base, patch or kustomization file as a manifest', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository(readTree(DEMO));
    expect(result.files.map(f => [f.path, f.status, f.rendering])).toEqual([
      ['Dockerfile', 'analysed', undefined],
      [
        'deploy/overlays/production/kustomization.yaml',
        'analysed',
        {
          renderer: 'kustomize',
          unit: 'deploy/overlays/production',
          notes: [
            'deploy/overlays/production/kustomization.yaml: configMapGenerator is not built: generated ConfigMaps run no containers, so they do not change the score.',
          ],
        },
      ],
      [
        'deploy/overlays/staging/kustomization.yaml',
        'analysed',
        expect.objectContaining({ unit: 'deploy/overlays/staging' }),
      ],
    ]);
    const [, production, staging] = result.files;
    expect(production.findings).toEqual([]);
    expect(production.images).toEqual([
      {
        ref: 'registry.northwind.example/route-planning/pickup-scheduler:2.3.0@sha256:5c3d8f1e9a7b6c4d2e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d',
        line: 13,
      },
    ]);
    const latest = staging.findings.find(
      f => f.ruleId === 'k8s-image-not-pinned',
    );
    expect(latest).toMatchObject({
      path: 'deploy/overlays/staging/kustomization.yaml',
      range: { start: { line: 10, column: 1 } },
      snippet: '    newTag: latest',
      renderedFrom: { renderer: 'kustomize' },
    });
    const root = staging.findings.find(f => f.ruleId === 'k8s-run-as-root');
    expect(root).toMatchObject({
      path: 'deploy/base/deployment.yaml',
      range: { start: { line: 18 } },
      snippet: '        - name: scheduler',
    });
  });

  it('says why an overlay cannot be built, and scores none of its files alone', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository([
      {
        path: 'deploy/kustomization.yaml',
        content:
          'resources:\n  - deployment.yaml\nhelmCharts:\n  - name: redis\n',
      },
      {
        path: 'deploy/deployment.yaml',
        content:
          'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      containers: [{name: a, image: "a:1"}]\n',
      },
    ]);
    expect(result.files).toEqual([
      expect.objectContaining({
        path: 'deploy/kustomization.yaml',
        status: 'could-not-analyse',
        error: {
          code: 'render-error',
          message:
            'Kustomize feature helmCharts is not supported (deploy/kustomization.yaml).',
        },
      }),
    ]);
  });
});
