import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { readLocalTree } from './readLocalTree';
import { DEFAULT_READ_LIMITS } from './readLimits';

jest.setTimeout(60_000);

const SKAFFOLD = [
  'apiVersion: skaffold/v4beta6',
  'kind: Config',
  'build:',
  '  artifacts:',
  '    - image: frontend',
  '      context: src/frontend',
  'manifests:',
  '  rawYaml: [kubernetes-manifests/*.yaml]',
  '',
].join('\n');

const MANIFEST = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: frontend}',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: server',
  '          image: frontend',
  '        - name: cache',
  '          image: redis',
  '',
].join('\n');

/*
 * skaffold.yaml is not a container definition, but the reader must fetch it (as a YAML candidate)
 * so the engine can tell that `image: frontend` is built and pinned by Skaffold at deploy time.
 */
describe('a repository deployed with Skaffold, read by the backend', () => {
  let repo: string;

  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'cs-skaffold-'));
    mkdirSync(join(repo, 'kubernetes-manifests'));
    writeFileSync(join(repo, 'skaffold.yaml'), SKAFFOLD);
    writeFileSync(join(repo, 'kubernetes-manifests', 'app.yaml'), MANIFEST);
  });

  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  async function unpinned() {
    const tree = await readLocalTree(repo, [repo], DEFAULT_READ_LIMITS);
    const engine = await createNodeScorecardEngine();
    const result = engine.analyzeRepository(tree.files);
    // Context only: skaffold.yaml is never a scored file of its own.
    expect(result.files.map(f => f.path)).toEqual([
      'kubernetes-manifests/app.yaml',
    ]);
    return result.files[0].findings
      .filter(f => f.ruleId === 'k8s-image-not-pinned')
      .map(f => f.snippet);
  }

  it('reads skaffold.yaml with the manifests, so the image Skaffold builds is not reported', async () => {
    expect(await unpinned()).toEqual(['redis']);
  });

  it('reports it when the repository has no Skaffold configuration', async () => {
    rmSync(join(repo, 'skaffold.yaml'));
    expect(await unpinned()).toEqual(['frontend', 'redis']);
  });
});
