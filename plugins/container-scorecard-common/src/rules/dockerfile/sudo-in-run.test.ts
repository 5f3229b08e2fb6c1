import { findingsFor, lines } from '../../testing';

const RULE = 'sudo-in-run';

describe('sudo-in-run', () => {
  it('flags sudo in a RUN (hadolint: "RUN sudo apt-get update")', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM debian:12', 'RUN sudo apt-get update'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('sudo apt-get update');
  });

  it('flags sudo later in an && chain (hadolint: chained programs)', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM debian:12', 'RUN apt-get update && sudo apt-get install'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.column).toBe(23);
  });

  it('finds sudo with options, behind env, across continuations, in sh -c and heredocs', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN set -eux; \\',
      '    sudo -E -u app make install',
      `RUN sh -c 'cd /src && sudo make install'`,
      'RUN <<EOF',
      'set -e',
      '/usr/bin/sudo chown app /data',
      'EOF',
      'RUN ["sudo", "true"]',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([3, 4, 7, 9]);
  });

  it('looks at every stage, not only the final one', async () => {
    const content = lines(
      'FROM node:22 AS build',
      'RUN sudo npm ci',
      'FROM node:22-slim',
      'USER node',
    );
    expect(await findingsFor(RULE, content)).toHaveLength(1);
  });

  it.each([
    [
      'installing sudo (hadolint: "RUN apt-get install sudo")',
      lines('FROM debian:12', 'RUN apt-get install sudo'),
    ],
    [
      'gosu and su-exec',
      lines('FROM debian:12', 'RUN gosu app true && su-exec app true'),
    ],
    [
      'sudo in a quoted string',
      lines('FROM debian:12', 'RUN echo "sudo make"'),
    ],
    ['sudo in a comment', lines('FROM debian:12', 'RUN true # sudo make')],
    [
      'sudo in CMD (not a build step)',
      lines('FROM debian:12', 'CMD ["sudo", "-u", "app", "server"]'),
    ],
    [
      'a heredoc written to a file',
      lines(
        'FROM debian:12',
        'RUN cat <<EOT > /etc/motd',
        'sudo is absent',
        'EOT',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('honours a scorecard waiver and the hadolint ignore comment', async () => {
    const waived = await findingsFor(
      RULE,
      lines(
        'FROM debian:12',
        '# scorecard ignore=sudo-in-run reason="vendor script needs it"',
        'RUN sudo ./vendor-install.sh',
      ),
    );
    expect(waived[0].suppressed?.reason).toBe('vendor script needs it');
    const hadolint = await findingsFor(
      RULE,
      lines('FROM debian:12', '# hadolint ignore=DL3004', 'RUN sudo true'),
    );
    expect(hadolint[0].suppressed?.source).toBe('hadolint');
  });
});

describe('sudo-in-run ONBUILD', () => {
  it('reports each command run through sudo in an ONBUILD RUN', async () => {
    const findings = await findingsFor(
      'sudo-in-run',
      lines(
        'FROM debian:12',
        'ONBUILD RUN sudo apt-get update && sudo -u app make install',
        'ONBUILD COPY sudoers /etc/sudoers',
      ),
    );
    expect(findings.map(f => f.snippet)).toEqual([
      'sudo apt-get update',
      'sudo -u app make install',
    ]);
  });
});
