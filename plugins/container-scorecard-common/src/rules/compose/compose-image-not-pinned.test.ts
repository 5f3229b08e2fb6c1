import { createTestEngine, findingsFor, lines } from '../../testing';

const RULE = 'compose-image-not-pinned';

describe('compose-image-not-pinned', () => {
  it('flags latest and untagged images at the value', async () => {
    const content = lines(
      'services:',
      '  cache:',
      '    image: redis',
      '  proxy:',
      '    image: "nginx:latest"',
      '  registry:',
      '    image: localhost:5000/acme/app',
      '  db:',
      '    image: postgres:16.3',
    );
    const findings = await findingsFor(RULE, content, 'docker-compose.yml');
    expect(findings.map(f => f.snippet)).toEqual([
      'redis',
      '"nginx:latest"',
      'localhost:5000/acme/app',
    ]);
    expect(findings[0].range.start).toEqual({ line: 3, column: 12 });
    expect(findings[0].message).toContain('no tag');
    expect(findings[1].message).toContain('on "latest", which moves');
  });

  it.each([
    ['a version tag', 'image: node:22.11-bookworm-slim'],
    [
      'a digest',
      'image: redis@sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7',
    ],
    [
      'latest with a digest',
      'image: redis:latest@sha256:0ed5d5928d4737458944eb604cc8509e245c3e19d02ad83935398bc4b991aac7',
    ],
    ['a tag from a variable', 'image: acme/app:${TAG:-1.0}'],
    ['an image from a variable', 'image: ${APP_IMAGE}'],
    [
      'a registry port without a tag being a version tag',
      'image: registry.acme.io:5000/app:2.1',
    ],
  ])('does not flag %s', async (_name, line) => {
    const content = lines('services:', '  a:', `    ${line}`);
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('does not flag services that build their image', async () => {
    const content = lines(
      'services:',
      '  api:',
      '    build: .',
      '    image: acme/api',
      '  worker:',
      '    build:',
      '      context: ./worker',
    );
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('does not flag an upper-case placeholder (no registry serves it; a deployment step replaces it)', async () => {
    const content = lines('services:', '  api:', '    image: API_IMAGE');
    expect(await findingsFor(RULE, content, 'compose.yml')).toEqual([]);
  });

  it('flags development tags by default, and only latest when flagMovingTags is off', async () => {
    const content = lines(
      'services:',
      '  a:',
      '    image: ghcr.io/acme/api:main',
      '  b:',
      '    image: rustlang/rust:nightly',
      '  c:',
      '    image: nginx:stable-alpine',
    );
    const findings = await findingsFor(RULE, content, 'compose.yml');
    expect(findings.map(f => f.snippet)).toEqual([
      'ghcr.io/acme/api:main',
      'rustlang/rust:nightly',
    ]);
    expect(findings[0].message).toContain('development line');
    const engine = await createTestEngine({
      config: { rules: { [RULE]: { options: { flagMovingTags: false } } } },
    });
    const result = engine.analyzeFile({ path: 'compose.yml', content });
    expect(result.findings.filter(f => f.ruleId === RULE)).toEqual([]);
  });

  it('requires a digest when requireDigest is on', async () => {
    const engine = await createTestEngine({
      config: { rules: { [RULE]: { options: { requireDigest: true } } } },
    });
    const content = lines(
      'services:',
      '  a:',
      '    image: postgres:16.3',
      '  b:',
      `    image: postgres:16.3@sha256:${'a'.repeat(64)}`,
    );
    const findings = engine
      .analyzeFile({ path: 'compose.yml', content })
      .findings.filter(f => f.ruleId === RULE);
    expect(findings.map(f => f.snippet)).toEqual(['postgres:16.3']);
    expect(findings[0].message).toContain('add its digest');
  });
  it("skips bare names built by the repository's Skaffold configuration, and ko:// references", async () => {
    const engine = await createTestEngine();
    const compose = lines(
      'services:',
      '  web:',
      '    image: frontend',
      '  other:',
      '    image: frontend:latest',
      '  gen:',
      '    image: ko://github.com/acme/app/cmd/gen',
      '  cache:',
      '    image: redis',
    );
    const result = engine.analyzeRepository([
      {
        path: 'skaffold.yml',
        content: lines(
          'apiVersion: skaffold/v2beta29',
          'kind: Config',
          'build:',
          '  artifacts:',
          '    - image: frontend',
        ),
      },
      { path: 'compose.yaml', content: compose },
    ]);
    expect(
      result.files[0].findings
        .filter(f => f.ruleId === RULE)
        .map(f => f.snippet),
    ).toEqual(['frontend:latest', 'redis']);
  });
});
