import { findingsFor, lines } from '../../testing';

const RULE = 'pointless-container-commands';

describe('pointless-container-commands', () => {
  it('flags RUN top (hadolint DL3001)', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM debian:12', 'RUN top'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].severity).toBe('info');
  });

  it.each([
    'ssh',
    'vim',
    'shutdown',
    'service',
    'ps',
    'free',
    'top',
    'kill',
    'mount',
    'ifconfig',
  ])('flags %s', async name => {
    expect(
      await findingsFor(RULE, lines('FROM debian:12', `RUN ${name} x`)),
    ).toHaveLength(1);
  });

  it('finds them in chains, pipelines, sh -c, sudo, heredocs and continuations', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get install -y nginx && service nginx start',
      'RUN ps aux | grep nginx',
      `RUN sh -c 'sudo /usr/sbin/service mysql start'`,
      'RUN <<EOF',
      'set -eux',
      'kill -HUP 1',
      'EOF',
      'RUN set -e; \\',
      '    mount -t tmpfs none /mnt',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start.line)).toEqual([2, 3, 4, 7, 10]);
    expect(findings[0].snippet).toBe('service nginx start');
  });

  it.each([
    ['installing ssh', lines('FROM debian:12', 'RUN apt-get install ssh')],
    [
      'installing vim and procps',
      lines('FROM debian:12', 'RUN apk add vim procps'),
    ],
    ['a CMD', lines('FROM debian:12', 'CMD ["top"]')],
    [
      'ssh-keygen and pkill',
      lines('FROM debian:12', 'RUN ssh-keygen -A && pkill -f x'),
    ],
    ['a quoted word', lines('FROM debian:12', 'RUN echo "service restart"')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});

describe('pointless-container-commands ONBUILD', () => {
  it('checks ONBUILD RUN triggers, not other ONBUILD instructions', async () => {
    const findings = await findingsFor(
      'pointless-container-commands',
      lines(
        'FROM debian:12',
        'ONBUILD RUN service nginx start',
        'ONBUILD CMD ["top"]',
      ),
    );
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
  });
});
