import { findingsFor, lines } from '../../testing';

const RULE = 'non-numeric-user';

describe('non-numeric-user', () => {
  it('flags the USER the image runs as when it is a name', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM node:22-slim', 'USER node', 'CMD ["node", "server.js"]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.line).toBe(2);
    expect(findings[0].message).toContain('USER node is a name');
  });

  it('follows the final stage to the stage it is built FROM', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM debian:12 AS base',
        'USER app:app',
        'FROM base',
        'CMD ["app"]',
      ),
    );
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
  });

  it('resolves a build argument with a default', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM debian:12', 'ARG RUN_AS=app', 'USER ${RUN_AS}'),
    );
    expect(findings).toHaveLength(1);
  });

  it.each([
    ['a numeric UID', lines('FROM debian:12', 'USER 10001')],
    [
      'a numeric UID and a group name',
      lines('FROM debian:12', 'USER 10001:app'),
    ],
    ['root (last-user-root reports it)', lines('FROM debian:12', 'USER root')],
    [
      'a name replaced later by a UID',
      lines('FROM debian:12', 'USER app', 'RUN make', 'USER 10001'),
    ],
    [
      'a name in a build stage that does not reach the image',
      lines(
        'FROM golang:1.23 AS build',
        'USER builder',
        'FROM scratch',
        'USER 65532',
      ),
    ],
    [
      'a build argument without a value',
      lines('FROM debian:12', 'ARG UID', 'USER $UID'),
    ],
    ['no USER (no-user-in-final-stage reports it)', lines('FROM debian:12')],
    [
      'a quoted UID from build arguments',
      lines('FROM debian:12', 'ARG UID=1000', 'USER "$UID:$UID"'),
    ],
    [
      'a Windows image, whose users are names',
      lines(
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'USER ContainerUser',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  // Ported from hadolint/hadolint test/Hadolint/Rule/DL3066Spec.hs (fragments without FROM:
  // the last USER of the fragment is the one in effect).
  it.each([
    ['ok: numeric UID', 'USER 12345', 0],
    ['ok: numeric UID and GID', 'USER 1234:5678', 0],
    ['not ok: non-numeric UID', 'USER foobar', 1],
    ['not ok: non-numeric UID and GID', 'USER foobar:barfoo', 1],
  ])('hadolint DL3066 case "%s"', async (_name, user, count) => {
    expect(await findingsFor(RULE, lines(user))).toHaveLength(count);
  });
});
