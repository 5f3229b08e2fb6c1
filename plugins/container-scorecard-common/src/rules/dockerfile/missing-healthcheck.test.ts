import { findingsFor, lines } from '../../testing';

const RULE = 'missing-healthcheck';

describe('missing-healthcheck', () => {
  it('flags a final stage without HEALTHCHECK, at its FROM', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM node:22-slim', 'USER node', 'CMD ["node", "server.js"]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.line).toBe(1);
  });

  it('only the final stage counts: a HEALTHCHECK in a build stage does not reach the image', async () => {
    const content = lines(
      'FROM golang:1.23 AS build',
      'HEALTHCHECK CMD true',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=build /app /app',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([3]);
  });

  it.each([
    [
      'a HEALTHCHECK in the final stage',
      lines(
        'FROM node:22 AS build',
        'FROM node:22-slim',
        'HEALTHCHECK --interval=30s CMD ["node", "hc.js"]',
      ),
    ],
    [
      'HEALTHCHECK NONE (a deliberate choice)',
      lines('FROM nginx:1.27', 'HEALTHCHECK NONE'),
    ],
    [
      'a HEALTHCHECK inherited from the stage it is built on',
      lines(
        'FROM python:3.12-slim AS base',
        'HEALTHCHECK CMD ["python", "-c", "1"]',
        'FROM base',
        'COPY . /app',
      ),
    ],
    [
      'a multi-line HEALTHCHECK',
      lines(
        'FROM nginx:1.27',
        'HEALTHCHECK --interval=5s \\',
        '  CMD curl -f http://localhost/ || exit 1',
      ),
    ],
    ['a fragment without FROM', lines('RUN make')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('applies to Windows images too, and honours a waiver', async () => {
    expect(
      await findingsFor(
        RULE,
        lines(
          'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
          'CMD ["app.exe"]',
        ),
      ),
    ).toHaveLength(1);
    const waived = await findingsFor(
      RULE,
      lines(
        '# scorecard ignore=missing-healthcheck reason="probed by Kubernetes"',
        'FROM node:22-slim',
      ),
    );
    expect(waived[0].suppressed).toBeDefined();
  });

  // Ported from hadolint/hadolint test/Hadolint/Rule/DL3057Spec.hs (no RUN, so hadolint's
  // ONBUILD variant is the same file). hadolint reports every stage; these cases only have one
  // stage without a check, the final one, so the counts agree.
  it.each([
    ['warn with no HEALTHCHECK instructions', lines('FROM scratch'), 1],
    [
      'ok with one HEALTHCHECK instruction',
      lines('FROM scratch', 'HEALTHCHECK CMD /bin/bla'),
      0,
    ],
    [
      'ok with inheriting HEALTHCHECK instruction',
      lines('FROM scratch AS base', 'HEALTHCHECK CMD /bin/bla', 'FROM base'),
      0,
    ],
    [
      'warn when not inheriting with no HEALTHCHECK instruction',
      lines('FROM scratch AS base', 'HEALTHCHECK CMD /bin/bla', 'FROM scratch'),
      1,
    ],
  ])('hadolint DL3057 case "%s"', async (_name, content, count) => {
    expect(await findingsFor(RULE, content)).toHaveLength(count);
  });
});
