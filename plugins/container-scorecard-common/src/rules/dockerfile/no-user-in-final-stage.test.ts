import { createTestEngine, findingsFor, lines } from '../../testing';

const RULE = 'no-user-in-final-stage';

describe('no-user-in-final-stage', () => {
  it('flags a final stage without USER, at its FROM', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM node:22', 'COPY . /app', 'CMD ["node", "/app"]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.line).toBe(1);
  });

  it.each(['root', '0', 'root:root', '0:0', '${ROOT_USER}'])(
    'leaves a last USER %s to last-user-root',
    async user => {
      const content = lines(
        'FROM node:22',
        'ARG ROOT_USER=root',
        'USER node',
        'RUN id',
        `USER ${user}`,
      );
      expect(await findingsFor(RULE, content)).toEqual([]);
      const explicit = await findingsFor('last-user-root', content);
      expect(explicit.map(f => f.range.start.line)).toEqual([5]);
    },
  );

  it('only looks at the final stage of a multi-stage build', async () => {
    const content = lines(
      'FROM golang:1.23 AS build',
      'USER root',
      'RUN go build',
      'FROM alpine:3.20',
      'USER 10001',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('flags a final stage without USER even when a build stage has one', async () => {
    const content = lines(
      'FROM golang:1.23 AS build',
      'USER app',
      'FROM alpine:3.20',
      'COPY --from=build /x /x',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([3]);
  });

  it('follows USER inherited from the stage the final stage builds on', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM node:22 AS base', 'USER node', 'FROM base', 'COPY . .'),
      ),
    ).toEqual([]);
    // A root USER inherited from the base stage is last-user-root's finding, at that USER.
    const inheritedRoot = lines(
      'FROM node:22 AS base',
      'USER root',
      'FROM base',
    );
    expect(await findingsFor(RULE, inheritedRoot)).toEqual([]);
    expect(
      (await findingsFor('last-user-root', inheritedRoot)).map(
        f => f.range.start.line,
      ),
    ).toEqual([2]);
  });

  it('flags scratch without USER with a numeric-user hint', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM scratch', 'COPY app /app'),
    );
    expect(findings[0].message).toContain('65532');
  });

  it('takes the list of non-root bases from options', async () => {
    const engine = await createTestEngine({
      config: {
        rules: {
          [RULE]: {
            options: { nonRootBaseImages: ['registry.acme.io/base/*'] },
          },
        },
      },
    });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: lines('FROM registry.acme.io/base/node:22'),
    });
    expect(result.findings.filter(f => f.ruleId === RULE)).toEqual([]);
  });

  it('accepts distroless nonroot bases by default', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM gcr.io/distroless/static-debian12:nonroot'),
      ),
    ).toEqual([]);
    expect(
      await findingsFor(
        RULE,
        lines('FROM gcr.io/distroless/base:debug-nonroot'),
      ),
    ).toEqual([]);
    expect(
      await findingsFor(RULE, lines('FROM gcr.io/distroless/static-debian12')),
    ).toHaveLength(1);
  });

  it.each([
    ['a non-root user by name', lines('FROM node:22', 'USER node')],
    ['a non-root uid:gid', lines('FROM node:22', 'USER 1000:1000')],
    [
      'a user from an unknown build argument',
      lines('FROM node:22', 'ARG APP_USER', 'USER $APP_USER'),
    ],
    ['a fragment without FROM', lines('RUN make')],
    ['a user named rootless', lines('FROM node:22', 'USER rootless')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it.each([
    ['gosu in exec form', 'ENTRYPOINT ["gosu", "redis", "redis-server"]'],
    ['su-exec in shell form', 'CMD exec su-exec app:app node server.js'],
  ])(
    'accepts a start command that drops root itself (%s)',
    async (_n, start) => {
      expect(
        await findingsFor(
          'no-user-in-final-stage',
          lines('FROM debian:12', start),
        ),
      ).toEqual([]);
    },
  );

  it('still flags gosu to root', async () => {
    expect(
      await findingsFor(
        'no-user-in-final-stage',
        lines('FROM debian:12', 'ENTRYPOINT ["gosu", "root", "app"]'),
      ),
    ).toHaveLength(1);
  });
});
