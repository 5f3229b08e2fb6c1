import { createTestEngine, lines } from '../../testing';

const RULE = 'per-environment-dockerfiles';
const DOCKERFILE = lines('FROM node:22-slim', 'USER node');

async function flagged(paths: string[]) {
  const engine = await createTestEngine();
  const result = engine.analyzeRepository([
    ...paths.map(path => ({ path, content: DOCKERFILE })),
    { path: '.dockerignore' },
  ]);
  return result.files.flatMap(f =>
    f.findings
      .filter(x => x.ruleId === RULE)
      .map(x => `${f.path}:${x.range.start.line}`),
  );
}

describe('per-environment-dockerfiles', () => {
  it('flags the environment files beside a main Dockerfile', async () => {
    expect(await flagged(['Dockerfile', 'Dockerfile.dev'])).toEqual([
      'Dockerfile.dev:1',
    ]);
  });

  it('flags every file of a dev/staging/prod family', async () => {
    expect(
      await flagged([
        'deploy/Dockerfile.development',
        'deploy/Dockerfile.staging',
        'deploy/Dockerfile.production',
      ]),
    ).toEqual([
      'deploy/Dockerfile.development:1',
      'deploy/Dockerfile.staging:1',
      'deploy/Dockerfile.production:1',
    ]);
  });

  it('reads the *.Dockerfile naming and says which siblings it found', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository([
      { path: 'api/api.dev.Dockerfile', content: DOCKERFILE },
      { path: 'api/api.prod.Dockerfile', content: DOCKERFILE },
      { path: 'api/worker.Dockerfile', content: DOCKERFILE },
    ]);
    const messages = result.files.flatMap(f =>
      f.findings.filter(x => x.ruleId === RULE).map(x => x.message),
    );
    expect(messages).toHaveLength(2);
    expect(messages[0]).toContain('beside api.prod.Dockerfile');
  });

  it.each([
    [['Dockerfile.prod']],
    [['Dockerfile', 'Dockerfile.test', 'Dockerfile.ci', 'Dockerfile.base']],
    [['api/Dockerfile', 'web/Dockerfile.dev']],
    [['Dockerfile', 'docs.Dockerfile']],
  ])('does not flag %j', async paths => {
    expect(await flagged(paths)).toEqual([]);
  });
});
