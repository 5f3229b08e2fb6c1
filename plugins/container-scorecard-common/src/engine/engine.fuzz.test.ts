import fc from 'fast-check';
import { applyTextEdits } from '../fixes/applyTextEdits';
import { SEVERITIES, type FileResult } from '../model/types';
import type { ScorecardEngine } from './createScorecardEngine';
import { createTestEngine } from '../testing/createTestEngine';

/*
 * Random and mutated inputs: the engine must never throw and must always return a well-formed
 * result, whatever it is fed (a Dockerfile written by a fuzzer, YAML with anchors and tabs,
 * binary bytes under a Dockerfile's name).
 */

const SEEDS: Record<string, string> = {
  Dockerfile: [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=node:22-slim',
    'FROM ${BASE} AS build',
    'RUN set -eux; apt-get update && apt-get install -y curl \\',
    '    && rm -rf /var/lib/apt/lists/* | tee /tmp/log',
    'RUN <<EOF',
    'echo hello > /etc/motd',
    'EOF',
    'FROM scratch',
    'COPY --from=build /app /app',
    'USER 1000',
    'HEALTHCHECK CMD ["/app", "health"]',
    'CMD ["/app"]',
  ].join('\n'),
  'Dockerfile.escape': [
    '# escape=`',
    'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
    'RUN powershell -Command `',
    '    Invoke-WebRequest https://example.com/x.zip -OutFile x.zip',
    '# scorecard ignore=no-user-in-final-stage reason="windows" until=2030-01-01',
    'ENTRYPOINT cmd /c start.bat',
  ].join('\n'),
  'compose.yaml': [
    'x-common: &common',
    '  restart: always',
    'services:',
    '  web:',
    '    <<: *common',
    '    image: nginx:latest',
    '    privileged: true',
    '    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]',
    '    environment:',
    '      PASSWORD: hunter2',
  ].join('\n'),
  'deploy.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: web}',
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx',
    '          securityContext: {privileged: true}',
    '---',
    'apiVersion: batch/v1',
    'kind: CronJob',
    'spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: x, image: "busybox@sha256:abc"}]}}}}}',
  ].join('\n'),
};

const FRAGMENTS = [
  'FROM ',
  'RUN ',
  'CMD ',
  'ENTRYPOINT ',
  'USER ',
  'ARG ',
  'ENV ',
  'COPY ',
  'ADD ',
  'EXPOSE 22',
  'HEALTHCHECK ',
  'SHELL ["/bin/bash", "-c"]',
  'ONBUILD ',
  '\\\n',
  '\n',
  '\r\n',
  '&&',
  '||',
  '|',
  ';',
  '$(',
  '`',
  '"',
  "'",
  '${X:-y}',
  '<<EOF\n',
  '\nEOF\n',
  '<<-"END"\n',
  '[',
  ']',
  '{',
  '}',
  'sh -c "',
  'apt-get install -y ',
  'curl http://x | sh',
  'sudo ',
  '# scorecard ignore=',
  '# hadolint ignore=DL3008',
  'reason="x"',
  'until=2020-13-45',
  '\t',
  '  ',
  '- ',
  ': ',
  '&a',
  '*a',
  '<<: *a',
  '---\n',
  'apiVersion: v1\n',
  'kind: Pod\n',
  'services:\n',
  'image: ',
  'privileged: true',
  '\u0000',
  '\uFEFF',
  '\uD800',
  '😀',
  'é',
];

/** Paths that classify as each kind, so random text reaches every parser. */
const PATHS = [
  'Dockerfile',
  'build/app.Dockerfile',
  'compose.yaml',
  'k8s/deploy.yaml',
];

function checkWellFormed(
  result: FileResult,
  engine: ScorecardEngine,
  path: string,
  content: string,
) {
  expect(result.path).toBe(path);
  expect(['analysed', 'could-not-analyse', 'not-applicable']).toContain(
    result.status,
  );
  expect(result.rulesetVersion).toBe(engine.rulesetVersion);
  expect(Array.isArray(result.findings)).toBe(true);
  for (const severity of SEVERITIES)
    expect(Number.isInteger(result.counts[severity])).toBe(true);
  if (result.status === 'analysed') {
    expect(Number.isInteger(result.score)).toBe(true);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(100);
    expect(result.grade).toMatch(/^[A-F]$/);
  } else {
    expect(result.score).toBeUndefined();
    expect(result.findings).toEqual([]);
  }
  if (result.status === 'could-not-analyse')
    expect(result.error?.code).toEqual(expect.any(String));
  const unsuppressed = result.findings.filter(f => !f.suppressed);
  expect(SEVERITIES.reduce((sum, s) => sum + result.counts[s], 0)).toBe(
    unsuppressed.length,
  );
  for (const finding of result.findings) {
    expect(typeof finding.ruleId).toBe('string');
    expect(typeof finding.message).toBe('string');
    expect(finding.range.start.line).toBeGreaterThanOrEqual(1);
    expect(finding.range.start.column).toBeGreaterThanOrEqual(1);
    expect(
      finding.range.end.line > finding.range.start.line ||
        (finding.range.end.line === finding.range.start.line &&
          finding.range.end.column >= finding.range.start.column),
    ).toBe(true);
    if (finding.fix)
      expect(typeof applyTextEdits(content, finding.fix)).toBe('string');
  }
  expect(result.ruleErrors ?? []).toEqual([]);
}

/** Inserts, deletes or replaces slices of a seed: near-valid files are where parsers crack. */
const mutated = fc
  .record({
    seed: fc.constantFrom(...Object.keys(SEEDS)),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        remove: fc.nat({ max: 12 }),
        insert: fc.oneof(
          fc.constantFrom(...FRAGMENTS),
          fc.string({ maxLength: 8 }),
        ),
      }),
      { minLength: 1, maxLength: 8 },
    ),
  })
  .map(({ seed, edits }) => {
    let text = SEEDS[seed];
    for (const edit of edits) {
      const at = edit.at % (text.length + 1);
      text = text.slice(0, at) + edit.insert + text.slice(at + edit.remove);
    }
    return { seed, text };
  });

const tokenSoup = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6 })), {
    maxLength: 60,
  })
  .map(parts => parts.join(''));

jest.setTimeout(120_000);

describe('engine fuzzing', () => {
  let engine: ScorecardEngine;
  beforeAll(async () => {
    engine = await createTestEngine();
  });

  it('never throws on mutated real-looking files', () => {
    fc.assert(
      fc.property(
        mutated,
        fc.constantFrom(...PATHS),
        ({ seed, text }, other) => {
          // Dockerfile seeds keep their kind; YAML seeds also try other file names.
          let path = other;
          if (seed.startsWith('Dockerfile')) path = 'Dockerfile';
          else if (seed === 'compose.yaml') path = seed;
          checkWellFormed(
            engine.analyzeFile({ path, content: text }),
            engine,
            path,
            text,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never throws on token soup and arbitrary strings under any kind of name', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          tokenSoup,
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 200 }),
        ),
        fc.constantFrom(...PATHS),
        (content, path) => {
          checkWellFormed(
            engine.analyzeFile({ path, content }),
            engine,
            path,
            content,
          );
        },
      ),
      { numRuns: 600 },
    );
  });

  it('never throws on repositories of random files', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...PATHS, '.dockerignore', 'src/app.ts'),
            mutated,
          ),
          { maxLength: 5 },
        ),
        entries => {
          const files = entries.map(([path, { text }], i) => ({
            path: `${i}/${path}`,
            content:
              path.startsWith('.') || path.endsWith('.ts') ? undefined : text,
          }));
          const result = engine.analyzeRepository(files);
          expect(['scored', 'no-data']).toContain(result.aggregate.status);
          for (const file of result.files) {
            const input = files.find(f => f.path === file.path)!;
            checkWellFormed(file, engine, input.path, input.content ?? '');
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
