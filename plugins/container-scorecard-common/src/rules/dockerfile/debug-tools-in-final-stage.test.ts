import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'debug-tools-in-final-stage';

describe('debug-tools-in-final-stage', () => {
  it('flags each debug tool and removes it from the package list', async () => {
    const content = lines(
      'FROM debian:12-slim',
      'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates vim strace=6.1-0.1 && rm -rf /var/lib/apt/lists/*',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.snippet)).toEqual(['vim', 'strace=6.1-0.1']);
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12-slim',
        'RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*',
      ),
    );
  });

  it('reads apk, dnf, continuations, sh -c and heredocs', async () => {
    const content = lines(
      'FROM alpine:3.20',
      'RUN apk add --no-cache \\',
      '      curl \\',
      '      nano',
      `RUN sh -c 'apk add gdb'`,
      'RUN <<EOF',
      'set -eux',
      'apk add --no-cache tcpdump',
      'EOF',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([4, 5, 8]);
    expect(findings[1].fix).toBeUndefined(); // the only package: leave the edit to a human
  });

  it('only checks the final image: the final stage and the stages it builds on', async () => {
    const content = lines(
      'FROM golang:1.23 AS build',
      'RUN apt-get install -y gdb',
      'FROM debian:12-slim AS base',
      'RUN apt-get install -y netcat-openbsd',
      'FROM base',
      'COPY --from=build /app /app',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([4]);
  });

  it.each([
    [
      'runtime packages',
      lines('FROM debian:12', 'RUN apt-get install -y curl ca-certificates'),
    ],
    [
      'a package whose name contains vim',
      lines('FROM debian:12', 'RUN apt-get install -y vim-common-doc'),
    ],
    ['removing vim', lines('FROM debian:12', 'RUN apt-get purge -y vim')],
    ['npm packages', lines('FROM node:22', 'RUN npm install -g nodemon vim')],
    [
      'a Windows image with a cmd shell',
      lines(
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'RUN choco install vim',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('leaves dev container images alone', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'RUN apt-get install -y vim gdb'),
        'tools/.devcontainer/Dockerfile',
      ),
    ).toEqual([]);
  });
});
