import { mockServices } from '@backstage/backend-test-utils';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { EXAMPLES_DIR, loadDemoCatalog } from '../../__testUtils__/demoCatalog';
import { resolveEntitySource } from '../discovery/resolveEntitySource';
import { toApiResult } from '../mapping/toApiResult';
import { createRepositoryReader } from './createRepositoryReader';
import { readEntitySources } from './readEntitySources';

jest.setTimeout(60_000);

describe('a demo service deployed from the example GitOps repository', () => {
  it('rolls route-optimizer and its GitOps folder up into one scorecard', async () => {
    const entity = loadDemoCatalog().find(
      e => e.metadata.name === 'route-optimizer',
    )!;
    const source = resolveEntitySource(entity);
    expect(source).toMatchObject({
      type: 'file',
      extraSources: [
        {
          label: 'deploy',
          type: 'file',
          target: `${EXAMPLES_DIR}/gitops/northwind-deploy/apps/route-optimizer`,
        },
      ],
    });
    if (source.type !== 'file') throw new Error('not a file source');
    const reader = createRepositoryReader({
      urlReader: mockServices.urlReader.mock(),
      localRoots: [EXAMPLES_DIR],
      maxFileBytes: 1024 * 1024,
      retry: { attempts: 0, baseDelayMs: 1 },
    });
    const tree = await readEntitySources(reader, source, {});
    expect(tree.files.map(f => f.path).sort()).toEqual([
      '@deploy/deployment.yaml',
      '@deploy/kustomization.yaml',
      '@deploy/service.yaml',
      'Containerfile',
      'catalog-info.yaml',
    ]);
    const engine = await createNodeScorecardEngine();
    const result = toApiResult(
      engine.analyzeRepository(tree.files),
      tree,
      new Map(engine.rules.map(rule => [rule.id, rule])),
      1024 * 1024,
    );
    expect(result.files.map(f => [f.path, f.status])).toEqual([
      ['@deploy/kustomization.yaml', 'analysed'],
      ['Containerfile', 'analysed'],
    ]);
    const deployment = result.files[0];
    // Each file says which source it came from; the entity's own files say nothing.
    expect(deployment.source).toEqual({
      label: 'deploy',
      location: `file:${EXAMPLES_DIR}/gitops/northwind-deploy/apps/route-optimizer`,
    });
    expect(result.files[1].source).toBeUndefined();
    // Findings of the built overlay point into the GitOps repository's files.
    expect(
      deployment.findings.find(f => f.ruleId === 'k8s-missing-resource-limits'),
    ).toMatchObject({ path: '@deploy/deployment.yaml' });
  });
});
