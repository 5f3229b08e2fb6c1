import { findingsFor, lines } from '../../testing';

const RULE = 'apt-get-unpinned-packages';

describe('apt-get-unpinned-packages', () => {
  it('flags an unpinned package in an && chain and names it', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM debian:12', 'RUN apt-get update && apt-get install git'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('apt-get install git');
    expect(findings[0].message).toContain('git');
  });

  it('flags the one package left unpinned in a list across continuations', async () => {
    const content = lines(
      'FROM ubuntu:24.04',
      'RUN set -eux; \\',
      '    apt-get update; \\',
      '    apt-get install -y --no-install-recommends \\',
      '      jq=1.7.1-3 \\',
      '      make \\',
      '      zip=3.0-13*; \\',
      '    rm -rf /var/lib/apt/lists/*',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.line).toBe(4);
    expect(findings[0].message).toContain('make');
    expect(findings[0].message).not.toContain('jq');
  });

  it('looks inside sh -c, sudo, heredocs and the exec form', async () => {
    const content = lines(
      'FROM debian:12',
      `RUN sh -c 'apt-get install -y vim'`,
      'RUN sudo apt-get install -y nano',
      'RUN <<EOF',
      'apt-get install -y less',
      'EOF',
      'RUN ["apt-get", "install", "-y", "tree"]',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2, 3, 5, 7]);
  });

  it('checks every stage, as hadolint does', async () => {
    const content = lines(
      'FROM debian:12 AS build',
      'RUN apt-get install -y gcc',
      'FROM debian:12',
      'RUN apt-get install -y ca-certificates=20230311',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
  });

  it('checks ONBUILD RUN triggers, as hadolint does', async () => {
    const flagged = await findingsFor(
      RULE,
      lines(
        'FROM debian:12',
        'ONBUILD RUN apt-get update && apt-get install python3',
      ),
    );
    expect(flagged).toHaveLength(1);
    expect(
      await findingsFor(
        RULE,
        lines(
          'FROM debian:12',
          'ONBUILD RUN apt-get install -y python3=3.11.2-1',
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'pinned chained installs',
      'RUN apt-get update \\\n && apt-get -yqq --no-install-recommends install nodejs=0.10 \\\n && rm -rf /var/lib/apt/lists/*',
    ],
    [
      'versions with wildcards and epochs',
      'RUN apt-get install -y \\\n  python3-yaml=6.0* \\\n  wget=1.21.3* \\\n  git=1:2.39.5* \\\n  ruby=1:3.1.*',
    ],
    ['an exact version', 'RUN apt-get install -y python3=3.11.2-1'],
    ['a local .deb file', 'RUN apt-get install ./tool_1.2.3-1_amd64.deb'],
    [
      'a release given with a slash',
      'RUN apt-get install -y curl/bookworm-backports',
    ],
    [
      'the value of -t (target release)',
      'RUN apt-get install -y --no-install-recommends -t bookworm-backports openjdk-17-jdk=17.0.13+11-2~deb12u1',
    ],
    [
      'other apt-get subcommands',
      'RUN apt-get update && apt-get remove -y vim',
    ],
    ['the words in an echo', 'RUN echo "apt-get install curl"'],
    ['a comment', 'RUN true # apt-get install curl'],
  ])('does not flag %s', async (_name, run) => {
    expect(await findingsFor(RULE, lines('FROM debian:12', run))).toEqual([]);
  });

  it('does not read PowerShell on Windows images as shell', async () => {
    const content = lines(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'SHELL ["powershell", "-Command"]',
      'RUN apt-get install curl',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('honours a waiver and a hadolint ignore comment', async () => {
    const content = lines(
      'FROM debian:12',
      '# scorecard ignore=apt-get-unpinned-packages reason="security patches wanted"',
      'RUN apt-get install -y openssl',
      '# hadolint ignore=DL3008',
      'RUN apt-get install -y curl',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(2);
    expect(findings.every(f => f.suppressed)).toBe(true);
  });
});
