import { findingsFor, lines } from '../../testing';

const RULE = 'ssh-host-keys-in-image';

describe('ssh-host-keys-in-image', () => {
  it.each([
    ['a glob of private keys', 'COPY ssh_host_*_key /etc/ssh/'],
    ['one key', 'ADD keys/ssh_host_rsa_key /etc/ssh/'],
    ['every host key file', 'COPY ssh_host_* /etc/ssh/'],
    [
      'a key named by its destination',
      'COPY deploy/rsa.key /etc/ssh/ssh_host_rsa_key',
    ],
  ])('flags COPY/ADD of %s', async (_name, copy) => {
    const findings = await findingsFor(RULE, lines('FROM debian:12', copy));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('SSH host private key');
  });

  it.each([
    ['ssh-keygen -A', 'RUN apk add --no-cache openssh && ssh-keygen -A'],
    [
      'ssh-keygen -f a host key path',
      "RUN ssh-keygen -t ed25519 -N '' -f /etc/ssh/ssh_host_ed25519_key",
    ],
    ['dpkg-reconfigure openssh-server', 'RUN dpkg-reconfigure openssh-server'],
  ])('flags %s in a RUN of the final image', async (_name, run) => {
    const findings = await findingsFor(RULE, lines('FROM debian:12', run));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('generates SSH host keys');
  });

  it.each([
    [
      'public keys only',
      lines('FROM debian:12', 'COPY ssh_host_rsa_key.pub /etc/ssh/'),
    ],
    [
      'keys removed in the same RUN',
      lines(
        'FROM debian:12',
        'RUN apt-get install -y openssh-server && ssh-keygen -A && rm -f /etc/ssh/ssh_host_*',
      ),
    ],
    [
      'a user key (secret-file-copied covers those)',
      lines(
        'FROM debian:12',
        "RUN ssh-keygen -t ed25519 -N '' -f /root/.ssh/id_ed25519",
      ),
    ],
    [
      'keys generated in a build stage that does not reach the image',
      lines(
        'FROM debian:12 AS keys',
        'RUN ssh-keygen -A',
        'FROM debian:12',
        'COPY --from=keys /etc/ssh/sshd_config /etc/ssh/',
      ),
    ],
    [
      'an entrypoint that generates keys at start-up',
      lines(
        'FROM debian:12',
        'COPY entrypoint.sh /',
        'ENTRYPOINT ["/entrypoint.sh"]',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('flags keys copied from a build stage into the final image', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM debian:12 AS keys',
        'RUN ssh-keygen -A',
        'FROM debian:12',
        'COPY --from=keys /etc/ssh/ssh_host_ed25519_key /etc/ssh/',
      ),
    );
    expect(findings.map(f => f.range.start.line)).toEqual([4]);
  });
});
