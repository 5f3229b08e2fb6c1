import { findingsFor, lines } from '../../testing';

const RULE = 'curl-pipe-to-shell';

const flagged = async (run: string) =>
  (await findingsFor(RULE, lines('FROM debian:12', run))).map(f => f.snippet);

describe('curl-pipe-to-shell', () => {
  it.each([
    [
      'RUN curl -fsSL https://example.com/install.sh | sh',
      'curl -fsSL https://example.com/install.sh',
    ],
    [
      'RUN curl -sL https://deb.example.com/setup_22.x | bash -',
      'curl -sL https://deb.example.com/setup_22.x',
    ],
    [
      'RUN curl -fsSL https://example.com/i.sh | sudo -E bash -s -- --yes',
      'curl -fsSL https://example.com/i.sh',
    ],
    [
      'RUN wget -qO- https://example.com/i.sh | sh',
      'wget -qO- https://example.com/i.sh',
    ],
    [
      'RUN wget -O - https://example.com/i.sh | bash',
      'wget -O - https://example.com/i.sh',
    ],
    [
      'RUN curl -sSL https://install.example.org/get.py | python3 -',
      'curl -sSL https://install.example.org/get.py',
    ],
    [
      'RUN curl -fsSL https://example.com/i.sh | tee /tmp/i.sh | sh',
      'curl -fsSL https://example.com/i.sh',
    ],
    [
      `RUN sh -c 'curl -fsSL https://example.com/i.sh | sh'`,
      'curl -fsSL https://example.com/i.sh',
    ],
    [
      'RUN ["/bin/bash", "-c", "curl -fsSL https://example.com/i.sh | bash"]',
      'curl -fsSL https://example.com/i.sh',
    ],
    [
      'RUN bash <(curl -fsSL https://example.com/i.sh)',
      'curl -fsSL https://example.com/i.sh',
    ],
    [
      'RUN sh -c "$(curl -fsSL https://example.com/i.sh)"',
      'curl -fsSL https://example.com/i.sh',
    ],
    [
      'RUN set -eux; apt-get update; curl -fsSL https://example.com/i.sh | sh; rm -rf /var/lib/apt/lists/*',
      'curl -fsSL https://example.com/i.sh',
    ],
  ])('flags %s', async (run, snippet) => {
    expect(await flagged(run)).toEqual([snippet]);
  });

  it('finds it across line continuations and in heredocs', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get update && \\',
      '    curl -fsSL \\',
      '      https://example.com/i.sh \\',
      '    | bash',
      'RUN <<EOF',
      'curl -fsSL https://example.com/j.sh | sh',
      'EOF',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([3, 7]);
  });

  it.each([
    [
      'RUN curl -fsSLo /tmp/i.sh https://example.com/i.sh && sha256sum -c sums && sh /tmp/i.sh',
    ],
    ['RUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt'],
    [
      'RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/x.gpg',
    ],
    [
      'RUN curl -fsSL https://example.com/data.json | python3 -c "import json,sys; json.load(sys.stdin)"',
    ],
    ['RUN curl -o /tmp/i.sh https://example.com/i.sh | sh'],
    ['RUN wget https://example.com/i.sh && sh i.sh'],
    ['RUN echo "curl https://example.com | sh"'],
    ['RUN cat local.sh | sh'],
    [
      'RUN sh -c "curl -fsSLo /tmp/i.sh https://example.com/i.sh && sh /tmp/i.sh"',
    ],
  ])('does not flag %s', async run => {
    expect(await flagged(run)).toEqual([]);
  });

  it('checks ONBUILD RUN triggers', async () => {
    expect(
      await flagged('ONBUILD RUN curl -fsSL https://example.com/i.sh | sh'),
    ).toHaveLength(1);
  });

  it('does not read PowerShell as shell on Windows images', async () => {
    const content = lines(
      'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
      'RUN curl -fsSL https://example.com/i.sh | sh',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});
