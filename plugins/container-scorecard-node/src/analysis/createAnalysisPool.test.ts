import type {
  ScorecardEngine,
  ScorecardInputFile,
} from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '../engine/createNodeScorecardEngine';
import { analysisTestRules } from './analysisTestRules';
import { createAnalysisPool, type AnalysisPool } from './createAnalysisPool';

const testHooks = { slowFileMarker: 'SLOW', crashFileMarker: 'CRASH' };

const DOCKERFILE =
  'FROM node:latest\nRUN apt-get update && apt-get install -y curl\nCMD node server.js\n';
const COMPOSE = 'services:\n  web:\n    image: nginx\n    privileged: true\n';
const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: { name: web }',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: nginx:latest',
  '',
].join('\n');

const repository: ScorecardInputFile[] = [
  { path: 'Dockerfile', content: DOCKERFILE },
  { path: 'deploy/compose.yaml', content: COMPOSE },
  { path: 'k8s/deployment.yaml', content: DEPLOYMENT },
  { path: 'README.md' },
];

const generous = { fileTimeoutMs: 60_000, entityTimeoutMs: 120_000 };

describe('createAnalysisPool', () => {
  let pool: AnalysisPool;
  let engine: ScorecardEngine;

  beforeAll(async () => {
    // The same rules as the workers', so the ruleset versions agree.
    engine = await createNodeScorecardEngine({
      extraRules: analysisTestRules(testHooks),
    });
    pool = createAnalysisPool({
      workers: 1,
      maxOldGenerationSizeMb: 128,
      testHooks,
      rulesetVersion: engine.rulesetVersion,
    });
  });

  afterAll(async () => {
    await pool?.close();
  });

  it('gives the same result as the engine run in process', async () => {
    const analysis = await pool.analyzeEntity(repository, generous);

    expect(analysis).toEqual(engine.analyzeRepository(repository));
    expect(analysis.files.map(f => f.status)).toEqual([
      'analysed',
      'analysed',
      'analysed',
    ]);
    expect(analysis.limitsReached).toBeUndefined();
  }, 60_000);

  it('stops a file over its deadline and still scores its siblings', async () => {
    const files = [
      repository[0],
      { path: 'slow/SLOW.Dockerfile', content: DOCKERFILE },
      repository[1],
    ];

    const analysis = await pool.analyzeEntity(files, {
      fileTimeoutMs: 1_000,
      entityTimeoutMs: 120_000,
    });

    expect(analysis.files.map(f => [f.path, f.status])).toEqual([
      ['Dockerfile', 'analysed'],
      ['slow/SLOW.Dockerfile', 'could-not-analyse'],
      ['deploy/compose.yaml', 'analysed'],
    ]);
    expect(analysis.files[1]).toMatchObject({
      kind: 'dockerfile',
      error: {
        code: 'analysis-timeout',
        message: 'The analysis took longer than 1 s and was stopped.',
      },
      findings: [],
    });
    // The siblings' results are what the engine gives without the slow file's content.
    const withoutSlow = engine.analyzeRepository([
      files[0],
      { path: files[1].path },
      files[2],
    ]);
    expect(analysis.files[0]).toEqual(withoutSlow.files[0]);
    expect(analysis.files[2]).toEqual(withoutSlow.files[1]);
    expect(analysis.aggregate.score).toBe(withoutSlow.aggregate.score);
    expect(analysis.limitsReached).toBeUndefined();
  }, 60_000);

  it('keeps the files finished by the entity deadline and names the limit', async () => {
    const files = [
      repository[0],
      { path: 'SLOW/Dockerfile', content: DOCKERFILE },
      { path: 'z/Dockerfile', content: DOCKERFILE },
    ];

    const analysis = await pool.analyzeEntity(files, {
      fileTimeoutMs: 60_000,
      entityTimeoutMs: 1_500,
    });

    expect(analysis.files.map(f => [f.path, f.status, f.error?.code])).toEqual([
      ['Dockerfile', 'analysed', undefined],
      ['SLOW/Dockerfile', 'could-not-analyse', 'analysis-timeout'],
      ['z/Dockerfile', 'could-not-analyse', 'analysis-timeout'],
    ]);
    expect(analysis.files[0].findings.length).toBeGreaterThan(0);
    expect(analysis.limitsReached).toEqual([
      {
        limit: 'entity-timeout',
        omitted: 2,
        message: expect.stringContaining('longer than 1.5 s'),
      },
    ]);
  }, 60_000);

  it('turns a worker that runs out of memory into a file that could not be analysed', async () => {
    const files = [
      repository[0],
      { path: 'CRASH/Dockerfile', content: DOCKERFILE },
    ];

    const analysis = await pool.analyzeEntity(files, generous);

    expect(analysis.files.map(f => [f.path, f.status])).toEqual([
      ['Dockerfile', 'analysed'],
      ['CRASH/Dockerfile', 'could-not-analyse'],
    ]);
    expect(analysis.files[1].error).toEqual({
      code: 'internal-error',
      message: expect.stringMatching(/ran out of memory.*128 MB/),
    });
    // The pool replaced the worker and goes on.
    const next = await pool.analyzeEntity(repository, generous);
    expect(next.files.every(f => f.status === 'analysed')).toBe(true);
  }, 60_000);

  it('closes cleanly and refuses work afterwards', async () => {
    const own = createAnalysisPool({
      workers: 1,
      testHooks,
      rulesetVersion: engine.rulesetVersion,
    });
    const analysis = await own.analyzeEntity(repository, generous);
    expect(analysis.files).toHaveLength(3);
    const underWay = own.analyzeEntity(
      [{ path: 'SLOW/Dockerfile', content: DOCKERFILE }],
      generous,
    );

    // Caught now: it rejects while close() is awaited.
    const outcome = underWay.then(
      () => 'resolved',
      (error: Error) => error.message,
    );

    await own.close();

    expect(await outcome).toBe('The analysis pool is closed');
    await expect(own.analyzeEntity(repository, generous)).rejects.toThrow(
      'The analysis pool is closed',
    );
  }, 60_000);
});
