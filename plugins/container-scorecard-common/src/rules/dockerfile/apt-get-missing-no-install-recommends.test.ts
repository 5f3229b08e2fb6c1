import { findingsFor, fixedBy, lines } from '../../testing';

const RULE = 'apt-get-missing-no-install-recommends';

describe('apt-get-missing-no-install-recommends', () => {
  it('flags apt-get install in an && chain and fixes it in place', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('apt-get install -y curl');
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12',
        'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*',
      ),
    );
  });

  it('finds the command across line continuations and comment lines, at its real position', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN set -eux; \\',
      '    apt-get update; \\',
      '    # tools for the healthcheck',
      '    DEBIAN_FRONTEND=noninteractive apt-get -y -o Dpkg::Options::=--force-confnew install \\',
      '      curl ca-certificates',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start).toEqual({ line: 5, column: 36 });
    expect(await fixedBy(RULE, content)).toContain(
      'install --no-install-recommends \\\n      curl',
    );
  });

  it('looks inside sh -c strings, subshells, sudo and pipelines', async () => {
    const content = lines(
      'FROM debian:12',
      `RUN sh -c 'apt-get install -y git' && (sudo apt-get install -y make) && yes | apt-get install vim`,
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(3);
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12',
        `RUN sh -c 'apt-get install --no-install-recommends -y git' && (sudo apt-get install --no-install-recommends -y make) && yes | apt-get install --no-install-recommends vim`,
      ),
    );
  });

  it('looks inside RUN heredocs', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN <<EOF',
      'set -e',
      'apt-get update',
      'apt-get install -y curl',
      'EOF',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.line).toBe(5);
  });

  it('looks inside a bash heredoc script but not inside a heredoc written to a file', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN bash <<EOS',
      'apt-get install -y curl',
      'EOS',
      'RUN cat <<EOT > /usr/local/bin/setup',
      'apt-get install -y this-is-data',
      'EOT',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([3]);
  });

  it('adds a new JSON item when fixing the exec form', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN ["apt-get", "install", "-y", "curl"]',
    );
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12',
        'RUN ["apt-get", "install", "--no-install-recommends", "-y", "curl"]',
      ),
    );
  });

  it('fixes inside an exec-form sh -c string', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN ["/bin/sh", "-c", "apt-get install -y curl"]',
    );
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12',
        'RUN ["/bin/sh", "-c", "apt-get install --no-install-recommends -y curl"]',
      ),
    );
  });

  it('respects the escape directive', async () => {
    const content = lines(
      '# escape=`',
      'FROM debian:12',
      'RUN apt-get update && `',
      '    apt-get install -y curl',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([4]);
  });

  it.each([
    [
      '--no-install-recommends',
      lines(
        'FROM debian:12',
        'RUN apt-get install -y --no-install-recommends curl',
      ),
    ],
    [
      'the APT option',
      lines(
        'FROM debian:12',
        'RUN apt-get -o APT::Install-Recommends=false install -y curl',
      ),
    ],
    [
      'other subcommands',
      lines(
        'FROM debian:12',
        'RUN apt-get update && apt-get upgrade -y && apt-get remove x',
      ),
    ],
    [
      'the words in a quoted argument',
      lines('FROM debian:12', 'RUN echo "apt-get install -y curl"'),
    ],
    [
      'a comment',
      lines('FROM debian:12', 'RUN true # apt-get install -y curl'),
    ],
    ['other package managers', lines('FROM alpine:3.20', 'RUN apk add curl')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});

describe('apt-get-missing-no-install-recommends ONBUILD', () => {
  it('checks ONBUILD RUN triggers in shell and exec form, and fixes them', async () => {
    const content = lines(
      'FROM debian:12',
      'ONBUILD RUN apt-get install -y curl',
      'ONBUILD RUN ["apt-get", "install", "-y", "git"]',
    );
    expect(await fixedBy(RULE, content)).toBe(
      lines(
        'FROM debian:12',
        'ONBUILD RUN apt-get install --no-install-recommends -y curl',
        'ONBUILD RUN ["apt-get", "install", "--no-install-recommends", "-y", "git"]',
      ),
    );
  });
});
