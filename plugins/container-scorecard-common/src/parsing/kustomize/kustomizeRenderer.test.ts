import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import { DEFAULT_LIMITS } from '../../config/ScorecardConfig';
import { createTestEngine } from '../../testing';
import { createKustomizeRenderer } from './kustomizeRenderer';
import { renderKustomizeBuild } from './renderKustomizeBuild';
import { buildKustomization } from './buildKustomization';

const DEMO = resolve(
  __dirname,
  '../../../../../examples/repos/pickup-scheduler',
);

function readTree(root: string): { path: string; content: string }[] {
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

const limits = {
  maxRenderedBytes: DEFAULT_LIMITS.maxRenderedBytes,
  maxTemplateDepth: DEFAULT_LIMITS.maxTemplateDepth,
  maxTemplateSteps: DEFAULT_LIMITS.maxTemplateSteps,
};

describe('the Kustomize renderer on the demo service pickup-scheduler', () => {
  const files = readTree(DEMO);
  const contents = new Map(files.map(f => [f.path, f.content]));
  const read = (path: string) => contents.get(path);
  const renderer = createKustomizeRenderer();
  const units = renderer.findUnits(files, {});

  it('builds the two overlays, not the base, and claims every file they stand on', () => {
    expect(units).toEqual([
      {
        renderer: 'kustomize',
        root: 'deploy/overlays/production',
        primaryPath: 'deploy/overlays/production/kustomization.yaml',
        sourcePaths: [
          'deploy/base/deployment.yaml',
          'deploy/base/kustomization.yaml',
          'deploy/base/service.yaml',
          'deploy/overlays/production/kustomization.yaml',
          'deploy/overlays/production/security-context.yaml',
        ],
      },
      {
        renderer: 'kustomize',
        root: 'deploy/overlays/staging',
        primaryPath: 'deploy/overlays/staging/kustomization.yaml',
        sourcePaths: [
          'deploy/base/deployment.yaml',
          'deploy/base/kustomization.yaml',
          'deploy/base/service.yaml',
          'deploy/overlays/staging/kustomization.yaml',
        ],
      },
    ]);
  });

  async function findingsOf(root: string) {
    const unit = units.find(u => u.root === root)!;
    const outcome = renderer.render(unit, { read, options: {}, limits });
    if (outcome.status !== 'rendered') throw new Error(outcome.error.message);
    const [output] = outcome.outputs;
    const engine = await createTestEngine();
    const result = engine.analyzeFile({
      path: 'rendered.yaml',
      content: output.content,
    });
    expect(result.status).toBe('analysed');
    return {
      outcome,
      findings: result.findings.map(f => ({
        ruleId: f.ruleId,
        at: output.lineOrigins[f.range.start.line - 1],
      })),
    };
  }

  it('scores production as deployed: pinned by digest, hardened by its patch', async () => {
    const { findings, outcome } = await findingsOf(
      'deploy/overlays/production',
    );
    expect(findings).toEqual([]);
    expect(outcome).toMatchObject({
      notes: [
        'deploy/overlays/production/kustomization.yaml: configMapGenerator is not built: generated ConfigMaps run no containers, so they do not change the score.',
      ],
    });
  });

  it('scores staging as deployed, each finding pointing at the line to change', async () => {
    const { findings } = await findingsOf('deploy/overlays/staging');
    const byRule = Object.fromEntries(findings.map(f => [f.ruleId, f.at]));
    // The tag comes from the overlay's images entry, not from the base.
    expect(byRule['k8s-image-not-pinned']).toEqual({
      path: 'deploy/overlays/staging/kustomization.yaml',
      line: 10,
    });
    expect(byRule['k8s-run-as-root']?.path).toBe('deploy/base/deployment.yaml');
    expect(findings.every(f => f.at !== undefined)).toBe(true);
  });

  it('renders the build as YAML that reads back as the same objects', () => {
    const result = buildKustomization(contents, 'deploy/overlays/production');
    if (result.status !== 'built') throw new Error(result.reason);
    const rendered = renderKustomizeBuild(result.resources);
    expect(rendered.content).toContain(
      'image: registry.northwind.example/route-planning/pickup-scheduler:2.3.0@sha256:5c3d8f1e9a7b6c4d2e0f1a3b5c7d9e1f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d',
    );
    expect(rendered.lineOrigins).toHaveLength(
      rendered.content.split('\n').length - 1,
    );
    // A line from the patch points into the patch file.
    const line = rendered.content
      .split('\n')
      .findIndex(text => text.trim() === 'readOnlyRootFilesystem: true');
    expect(rendered.lineOrigins[line]).toMatchObject({
      path: 'deploy/overlays/production/security-context.yaml',
      range: { start: { line: 20 } },
    });
  });
});
