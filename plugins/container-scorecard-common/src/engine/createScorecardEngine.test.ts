import fc from 'fast-check';
import { ScorecardConfigError } from '../config/ScorecardConfig';
import {
  defineRepositoryRule,
  defineRule,
} from '../rules/framework/defineRule';
import { analyze, createTestEngine, lines } from '../testing';

describe('createScorecardEngine', () => {
  it('rejects invalid configuration with every problem listed', async () => {
    await expect(
      createTestEngine({ config: { rules: { nope: {} } } as never }),
    ).rejects.toBeInstanceOf(ScorecardConfigError);
  });

  it('rejects two rules with the same id', async () => {
    const duplicate = defineRule({
      id: 'shell-form-cmd',
      pillar: 'lifecycle',
      severity: 'low',
      appliesTo: ['dockerfile'],
      title: 't',
      message: 'm',
      rationale: 'r',
      remediation: { description: 'd', before: 'b', after: 'a' },
      equivalents: {},
      check: () => [],
    });
    await expect(createTestEngine({ extraRules: [duplicate] })).rejects.toThrow(
      /shell-form-cmd/,
    );
  });

  it('applies severity overrides and disabled rules from configuration', async () => {
    const engine = await createTestEngine({
      config: {
        rules: {
          'base-image-latest-tag': { severity: 'critical' },
          'no-user-in-final-stage': { enabled: false },
          'missing-healthcheck': { enabled: false },
          'full-os-base-image': { enabled: false },
        },
      },
    });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: lines('FROM node:latest'),
    });
    expect(result.findings.map(f => [f.ruleId, f.severity])).toEqual([
      ['base-image-latest-tag', 'critical'],
    ]);
    expect(result.score).toBe(60);
  });
});

describe('analyzeFile', () => {
  it('returns an analysed result with score, grade, pillars, counts and images', async () => {
    const result = await analyze(
      lines(
        'ARG V=22',
        'FROM node:${V} AS build',
        'RUN npm ci',
        'FROM gcr.io/distroless/nodejs22:nonroot',
        'COPY --from=build /app /app',
        'HEALTHCHECK NONE',
        'CMD ["/app/server.js"]',
      ),
      'services/api/Dockerfile',
    );
    expect(result).toMatchObject({
      path: 'services/api/Dockerfile',
      kind: 'dockerfile',
      status: 'analysed',
      score: 100,
      grade: 'A',
      counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      images: [
        { ref: 'node:22', line: 2, stage: 'build' },
        { ref: 'gcr.io/distroless/nodejs22:nonroot', line: 4 },
      ],
    });
    expect(result.pillarScores?.['least-privilege']).toBe(100);
    expect(result.rulesetVersion).toMatch(/^\d+\.\d+\.\d+\+/);
  });

  it('analyses Dockerfile fragments without FROM', async () => {
    const result = await analyze(
      lines('RUN apt-get install -y curl', 'CMD run'),
      'docker/Dockerfile.part',
    );
    expect(result.status).toBe('analysed');
    // Other rules may report on the fragment too: what matters is that RUN and CMD are checked.
    expect(result.findings.map(f => f.ruleId)).toEqual(
      expect.arrayContaining([
        'apt-get-missing-no-install-recommends',
        'shell-form-cmd',
      ]),
    );
  });

  it('refuses binary content as could-not-analyse, with no score', async () => {
    const result = await analyze('FROM node\u0000\u0001', 'Dockerfile');
    expect(result).toMatchObject({
      status: 'could-not-analyse',
      error: { code: 'binary-content' },
    });
    expect(result.score).toBeUndefined();
    expect(result.grade).toBeUndefined();
  });

  it('refuses files over the size limit', async () => {
    const engine = await createTestEngine({
      config: { limits: { maxFileBytes: 64 } },
    });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: `FROM node:22\n${'# é\n'.repeat(20)}`,
    });
    expect(result).toMatchObject({
      status: 'could-not-analyse',
      error: { code: 'file-too-large' },
    });
  });

  it('refuses YAML alias bombs', async () => {
    const bomb = lines(
      'a: &a ["x","x","x","x","x","x","x","x","x"]',
      'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      'services: { app: { image: "x:1", labels: *d } }',
    );
    const result = await analyze(bomb, 'compose.yaml');
    expect(result).toMatchObject({
      status: 'could-not-analyse',
      error: { code: 'yaml-alias-limit' },
    });
  });

  it('refuses YAML nested thousands of levels deep with a clear reason', async () => {
    const deep = `apiVersion: apps/v1\nkind: Deployment\nspec: ${'['.repeat(
      5000,
    )}${']'.repeat(5000)}\n`;
    const result = await analyze(deep, 'deployment.yaml');
    expect(result).toMatchObject({
      status: 'could-not-analyse',
      error: {
        code: 'parse-error',
        message: expect.stringContaining('nests too deeply'),
      },
    });
  });

  it('refuses a Dockerfile whose heredoc is never closed, naming the line', async () => {
    const result = await analyze(
      lines(
        'FROM python:3.12-slim',
        'RUN <<EOT',
        'pip install --no-cache-dir requests==2.32.3',
        'USER 10002',
        'CMD ["python", "app.py"]',
      ),
      'Dockerfile',
    );
    expect(result).toMatchObject({
      status: 'could-not-analyse',
      error: { code: 'parse-error' },
    });
    expect(result.error?.message).toMatch(
      /line 2: the heredoc <<EOT is never closed/,
    );
    expect(result.score).toBeUndefined();
  });

  it('still analyses heredocs that are closed, in RUN and COPY', async () => {
    const result = await analyze(
      lines(
        'FROM python:3.12-slim',
        'RUN <<EOT',
        'pip install --no-cache-dir requests==2.32.3',
        'EOT',
        'COPY <<CONF /etc/app.conf',
        'level=info',
        'CONF',
        'CMD ["python", "app.py"]',
      ),
      'Dockerfile',
    );
    expect(result.status).toBe('analysed');
  });

  it('reports invalid compose YAML as could-not-analyse with the line', async () => {
    const result = await analyze('services:\n  app: [\n', 'docker-compose.yml');
    expect(result.status).toBe('could-not-analyse');
    expect(result.error?.code).toBe('parse-error');
  });

  it('confirms Kubernetes candidates by content', async () => {
    expect(
      (await analyze(lines('name: CI', 'on: push'), '.github/workflows/ci.yml'))
        .status,
    ).toBe('not-applicable');
    expect(
      (await analyze(lines('apiVersion: v1', 'kind: Service'), 'k8s/svc.yaml'))
        .status,
    ).toBe('not-applicable');
    expect(
      (await analyze('{{ .Values }}: [', 'chart/values.yaml')).status,
    ).toBe('not-applicable');
    const broken = await analyze(
      'apiVersion: apps/v1\nkind: Deployment\nspec: [\n',
      'k8s/broken.yaml',
    );
    expect(broken.status).toBe('could-not-analyse');
    const pod = await analyze(
      lines(
        'apiVersion: v1',
        'kind: Pod',
        'spec:',
        '  containers:',
        '    - name: a',
        '      image: nginx:1.27',
      ),
      'pod.yaml',
    );
    expect(pod).toMatchObject({
      status: 'analysed',
      kind: 'kubernetes',
      images: [{ ref: 'nginx:1.27', line: 6 }],
    });
  });

  it('returns not-applicable for files that are not container definitions', async () => {
    expect((await analyze('hello', 'README.md')).status).toBe('not-applicable');
  });

  it('keeps other rules running when one crashes, and reports it', async () => {
    const crashing = defineRule({
      id: 'crashing-rule',
      pillar: 'simplicity',
      severity: 'low',
      appliesTo: ['dockerfile'],
      title: 't',
      message: 'm',
      rationale: 'r',
      remediation: { description: 'd', before: 'b', after: 'a' },
      equivalents: {},
      check: () => {
        throw new Error('boom');
      },
    });
    const engine = await createTestEngine({ extraRules: [crashing] });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: lines('FROM node:latest'),
    });
    expect(result.status).toBe('analysed');
    expect(result.ruleErrors).toEqual([
      { ruleId: 'crashing-rule', message: 'boom' },
    ]);
    expect(
      result.findings.some(f => f.ruleId === 'base-image-latest-tag'),
    ).toBe(true);
  });

  it('never throws, whatever the content', async () => {
    const engine = await createTestEngine();
    fc.assert(
      fc.property(
        fc.constantFrom('Dockerfile', 'compose.yaml', 'k8s/x.yaml'),
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.array(
          fc.constantFrom(
            'FROM ',
            'RUN ',
            'CMD ',
            '<<EOF\n',
            'EOF\n',
            '\\\n',
            "sh -c '",
            '"',
            '|',
            '&&',
            '\n',
            'USER root',
            'services:',
            '  a:',
            'privileged: true',
            '- ',
            '{{',
            'kind: Pod\n',
            'apiVersion: v1\n',
          ),
          { maxLength: 30 },
        ),
        (path, noise, tokens) => {
          const content = tokens.join('') + noise;
          const result = engine.analyzeFile({ path, content });
          expect(['analysed', 'could-not-analyse', 'not-applicable']).toContain(
            result.status,
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('analyzeRepository', () => {
  const missingDockerignore = defineRepositoryRule({
    id: 'test-missing-dockerignore',
    pillar: 'minimal',
    severity: 'low',
    appliesTo: ['dockerfile'],
    title: 't',
    message: 'No .dockerignore next to this Dockerfile.',
    rationale: 'r',
    remediation: { description: 'd', before: 'b', after: 'a' },
    equivalents: {},
    checkRepository({ files }) {
      const paths = new Set(files.map(f => f.path));
      return files
        .filter(f => f.parsed?.kind === 'dockerfile')
        .filter(f => !paths.has(f.path.replace(/[^/]*$/, '.dockerignore')))
        .map(f => ({
          path: f.path,
          range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
        }));
    },
  });

  it('runs file rules and repository rules, attaching findings to real files', async () => {
    const engine = await createTestEngine({
      extraRules: [missingDockerignore],
    });
    const result = engine.analyzeRepository([
      {
        path: 'api/Dockerfile',
        content: lines('FROM node:22-slim', 'USER 1000', 'HEALTHCHECK NONE'),
      },
      { path: 'api/.dockerignore' },
      {
        path: 'worker/Dockerfile',
        content: lines('FROM node:22-slim', 'USER 1000', 'HEALTHCHECK NONE'),
      },
      { path: 'README.md', content: '# hi' },
      { path: 'broken/Dockerfile', content: 'FROM x\u0000' },
    ]);
    expect(
      result.files.map(f => [f.path, f.status, f.findings.map(x => x.ruleId)]),
    ).toEqual([
      ['api/Dockerfile', 'analysed', []],
      [
        'worker/Dockerfile',
        'analysed',
        ['missing-dockerignore', 'test-missing-dockerignore'],
      ],
      ['broken/Dockerfile', 'could-not-analyse', []],
    ]);
    expect(result.aggregate).toMatchObject({
      status: 'scored',
      scoredCount: 2,
      couldNotAnalyseCount: 1,
    });
    expect(result.rulesetVersion).toBe(engine.rulesetVersion);
  });

  it('lets a repository finding be waived with a file-wide comment', async () => {
    const engine = await createTestEngine({
      extraRules: [missingDockerignore],
    });
    const result = engine.analyzeRepository([
      {
        path: 'Dockerfile',
        content: lines(
          '# scorecard ignore-file=test-missing-dockerignore reason="context is tiny"',
          'FROM node:22-slim',
          'USER 1000',
          'HEALTHCHECK NONE',
        ),
      },
    ]);
    expect(result.files[0].findings[0].suppressed?.reason).toBe(
      'context is tiny',
    );
    expect(result.files[0].score).toBe(100);
  });
});
