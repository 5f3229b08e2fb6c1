import { findingsFor, lines } from '../../testing';

const RULE = 'pipe-without-pipefail';

describe('pipe-without-pipefail', () => {
  it('flags a RUN with a pipe, at the pipeline', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM debian:12', 'RUN wget -O - https://x.io | wc -l > /n'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].snippet).toBe('wget -O - https://x.io | wc -l');
  });

  it('deliberately skips pipelines whose left side only prints (echo/printf)', async () => {
    const flaggedLines = async (...runs: string[]) =>
      (await findingsFor(RULE, lines('FROM debian:12', ...runs))).map(
        f => f.range.start.line,
      );
    expect(
      await flaggedLines(
        'RUN echo "$SHA *node.tar.xz" | sha512sum --check -',
        'RUN if echo "$X" | grep -q y; then touch /y; fi',
        "RUN printf '%s\\n' a b | sort",
        'RUN echo a | tee /a | grep -q a && echo done',
      ),
    ).toEqual([5]); // tee can fail: the outer pipeline still needs pipefail
    // A substitution, a redirect or another command on the left can fail: still flagged.
    expect(
      await flaggedLines(
        'RUN echo "$(curl -fsS https://x.io/key)" | gpg --import',
        'RUN echo `cat /missing` | wc -l',
        'RUN echo x 2>/dev/null | wc -l',
        'RUN cat /missing | wc -l',
        'RUN sudo echo x | wc -l',
      ),
    ).toEqual([2, 3, 4, 5, 6]);
  });

  it('is satisfied by a SHELL with -o pipefail in bash, zsh or ash', async () => {
    for (const shell of [
      '"/bin/bash", "-o", "pipefail", "-c"',
      '"/bin/ash", "-eo", "pipefail", "-c"',
      '"zsh", "-o", "pipefail", "-c"',
    ]) {
      expect(
        await findingsFor(
          RULE,
          lines('FROM debian:12', `SHELL [${shell}]`, 'RUN a | b'),
        ),
      ).toEqual([]);
    }
  });

  it('resets at each FROM, as hadolint does', async () => {
    const content = lines(
      'FROM debian:12 AS one',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
      'RUN a | b',
      'FROM debian:12',
      'RUN a | b',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([5]);
  });

  it('is not satisfied by /bin/sh -o pipefail (hadolint only trusts bash, zsh and ash)', async () => {
    const content = lines(
      'FROM debian:12',
      'SHELL ["/bin/sh", "-o", "pipefail", "-c"]',
      'RUN a | b',
    );
    expect(await findingsFor(RULE, content)).toHaveLength(1);
  });

  it('accepts set -o pipefail earlier in the same RUN', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'RUN set -euo pipefail; curl x | tar -x'),
      ),
    ).toEqual([]);
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'RUN set -o pipefail && curl x | tar -x'),
      ),
    ).toEqual([]);
  });

  it('flags a pipe that runs before set -o pipefail', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'RUN curl x | tar -x && set -o pipefail'),
      ),
    ).toHaveLength(1);
  });

  it('flags a pipe inside sh -c even under a pipefail SHELL, unless the inner shell sets it', async () => {
    const base = [
      'FROM debian:12',
      'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    ];
    expect(
      await findingsFor(RULE, lines(...base, `RUN sh -c 'a | b'`)),
    ).toHaveLength(1);
    expect(
      await findingsFor(
        RULE,
        lines(...base, `RUN bash -o pipefail -c 'a | b'`),
      ),
    ).toEqual([]);
  });

  it('finds pipes in subshells, command substitutions and heredocs', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'RUN echo $(ls | wc -l)'),
      ),
    ).toHaveLength(1);
    expect(
      await findingsFor(
        RULE,
        lines('FROM debian:12', 'RUN <<EOF', 'cat a | sort', 'EOF'),
      ),
    ).toHaveLength(1);
  });

  it.each([
    ['|| (not a pipe)', lines('FROM debian:12', 'RUN a || b')],
    ['a pipe in a quoted string', lines('FROM debian:12', `RUN echo 'a | b'`)],
    [
      'exec form (hadolint skips it)',
      lines('FROM debian:12', 'RUN ["sh", "-c", "a | b"]'),
    ],
    [
      'a PowerShell SHELL',
      lines(
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'SHELL ["pwsh", "-Command"]',
        'RUN a | b',
      ),
    ],
    [
      'CMD with a pipe (only RUN builds the image)',
      lines('FROM debian:12', 'CMD a | b'),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});
