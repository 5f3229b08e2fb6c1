import type {
  LimitReached,
  ScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { toApiResult } from './toApiResult';

const filesLimit: LimitReached = {
  limit: 'repository-files',
  message: 'Only the first 20000 entries of the repository were looked at',
  omitted: 1,
};

describe('toApiResult and limits', () => {
  let engine: ScorecardEngine;
  let rules: Map<string, any>;
  beforeAll(async () => {
    engine = await createNodeScorecardEngine();
    rules = new Map(engine.rules.map(rule => [rule.id, rule]));
  });

  it('reports an entity with no definitions found before a limit as could not analyse, not "no definitions"', () => {
    const result = toApiResult(
      engine.analyzeRepository([]),
      { oversized: [], limitsReached: [filesLimit] },
      rules,
      1024,
    );
    expect(result.status).toBe('could-not-analyse');
    expect(result.partial).toEqual([filesLimit]);
  });

  it('labels an oversized file by the kind its head showed, else by its name', () => {
    const result = toApiResult(
      engine.analyzeRepository([]),
      {
        oversized: [
          { path: 'deploy/stack.yml', size: 5000, kind: 'compose' },
          { path: 'Dockerfile-windows', size: 5000 },
        ],
      },
      rules,
      1024,
    );
    expect(result.files.map(f => [f.path, f.kind, f.status])).toEqual([
      ['deploy/stack.yml', 'compose', 'could-not-analyse'],
      ['Dockerfile-windows', 'dockerfile', 'could-not-analyse'],
    ]);
  });

  it('still says "no definitions" when nothing was left out', () => {
    const result = toApiResult(
      engine.analyzeRepository([]),
      { oversized: [] },
      rules,
      1024,
    );
    expect(result.status).toBe('no-definitions');
    expect(result.partial).toBeUndefined();
  });

  it("carries each file's limits to the file and the tree's to the entity", () => {
    const analysed = engine.analyzeRepository([
      {
        path: 'Dockerfile',
        content: 'FROM ubuntu\nRUN apt-get install -y curl\n',
      },
    ]);
    const fileLimit: LimitReached = {
      limit: 'findings-per-rule',
      message: 'apt-get-unpinned-packages: 3 more findings not listed',
      omitted: 3,
    };
    analysed.files[0].limitsReached = [fileLimit];

    const result = toApiResult(
      analysed,
      { oversized: [], limitsReached: [filesLimit] },
      rules,
      1024,
    );

    expect(result.status).toBe('analysed');
    expect(result.partial).toEqual([filesLimit]);
    expect(result.files[0].partial).toEqual([fileLimit]);
  });
});
