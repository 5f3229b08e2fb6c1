import { createNodeScorecardEngine } from '../engine/createNodeScorecardEngine';
import { createAnalysisPool, type AnalysisPool } from './createAnalysisPool';
import { loadRuleModules } from './loadRuleModules';

const HOUSE_RULES = require.resolve('./__fixtures__/houseRules');
const files = [{ path: 'Dockerfile', content: 'FROM alpine:3.20\nUSER app\n' }];
const deadlines = { fileTimeoutMs: 60_000, entityTimeoutMs: 120_000 };

describe('analysis workers and rule modules', () => {
  let pool: AnalysisPool | undefined;

  afterEach(async () => {
    await pool?.close();
  });

  it('loads the rules of rule modules in the workers', async () => {
    const engine = await createNodeScorecardEngine({
      extraRules: loadRuleModules([HOUSE_RULES]),
    });
    pool = createAnalysisPool({
      workers: 1,
      ruleModules: [HOUSE_RULES],
      rulesetVersion: engine.rulesetVersion,
    });

    const analysis = await pool.analyzeEntity(files, deadlines);

    expect(analysis.files[0].findings.map(f => f.ruleId)).toContain(
      'acme-team-label',
    );
    expect(analysis).toEqual(engine.analyzeRepository(files));
  }, 60_000);

  it('reports every file as could not analyse when the workers cannot build their engine', async () => {
    pool = createAnalysisPool({
      workers: 1,
      ruleModules: ['/nonexistent/rules-module'],
      rulesetVersion: 'v',
    });

    const analysis = await pool.analyzeEntity(files, deadlines);

    expect(analysis.files).toEqual([
      expect.objectContaining({
        path: 'Dockerfile',
        status: 'could-not-analyse',
        error: {
          code: 'internal-error',
          message: expect.stringMatching(
            /^The analysis worker stopped: .*rules-module/,
          ),
        },
      }),
    ]);
    expect(analysis.aggregate.status).not.toBe('scored');
  }, 60_000);

  it('refuses a module without a rules export', () => {
    expect(() =>
      loadRuleModules([require.resolve('./loadRuleModules')]),
    ).toThrow(/does not export "rules"/);
  });
});
