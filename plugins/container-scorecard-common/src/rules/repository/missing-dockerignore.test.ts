import { createTestEngine, lines } from '../../testing';

const RULE = 'missing-dockerignore';
const DOCKERFILE = lines(
  '# syntax=docker/dockerfile:1',
  'FROM node:22-slim',
  'USER node',
);

async function findingsByPath(files: { path: string; content?: string }[]) {
  const engine = await createTestEngine();
  const result = engine.analyzeRepository(files);
  return result.files.map(f => [
    f.path,
    f.findings.filter(x => x.ruleId === RULE).map(x => x.range.start.line),
  ]);
}

describe('missing-dockerignore', () => {
  it('flags a Dockerfile with no .dockerignore, at its FROM line', async () => {
    expect(
      await findingsByPath([
        { path: 'services/api/Dockerfile', content: DOCKERFILE },
        { path: 'services/api/server.js' },
        { path: 'README.md' },
      ]),
    ).toEqual([['services/api/Dockerfile', [2]]]);
  });

  it('accepts a .dockerignore next to the Dockerfile, at the root, or named after it', async () => {
    expect(
      await findingsByPath([
        { path: 'api/Dockerfile', content: DOCKERFILE },
        { path: 'api/.dockerignore' },
        { path: 'web/app.Dockerfile', content: DOCKERFILE },
        { path: 'web/app.Dockerfile.dockerignore' },
        { path: 'README.md' },
      ]),
    ).toEqual([
      ['api/Dockerfile', []],
      ['web/app.Dockerfile', []],
    ]);
    expect(
      await findingsByPath([
        { path: './.dockerignore' },
        { path: 'worker/Containerfile', content: DOCKERFILE },
      ]),
    ).toEqual([['worker/Containerfile', []]]);
  });

  it('does not decide from a listing of container definitions only', async () => {
    expect(
      await findingsByPath([{ path: 'Dockerfile', content: DOCKERFILE }]),
    ).toEqual([['Dockerfile', []]]);
  });

  it('skips fragments without FROM and can be waived file-wide', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeRepository([
      { path: 'docker/Dockerfile.part', content: lines('RUN make') },
      {
        path: 'Dockerfile',
        content: lines(
          '# scorecard ignore-file=missing-dockerignore reason="context is the dist folder"',
          'FROM nginx:1.27',
        ),
      },
      { path: 'index.html' },
    ]);
    const findings = result.files.flatMap(f =>
      f.findings.filter(x => x.ruleId === RULE),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].path).toBe('Dockerfile');
    expect(findings[0].suppressed?.reason).toBe('context is the dist folder');
  });
});
