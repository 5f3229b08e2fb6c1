import { findingsFor, lines } from '../../testing';

const RULE = 'sshd-in-container';

const flaggedLines = async (content: string) =>
  (await findingsFor(RULE, content)).map(f => f.range.start.line);

describe('sshd-in-container', () => {
  it('flags openssh-server installed and sshd run', async () => {
    const content = lines(
      'FROM ubuntu:24.04',
      'RUN apt-get update && \\',
      '    DEBIAN_FRONTEND=noninteractive apt-get install -y openssh-server=1:9.6p1-3ubuntu13 && \\',
      '    mkdir /run/sshd',
      'EXPOSE 22',
      'CMD ["/usr/sbin/sshd", "-D"]',
    );
    expect(await flaggedLines(content)).toEqual([3, 6]);
  });

  it.each([
    ['apk openssh', 'FROM alpine:3.20', 'RUN apk add --no-cache openssh'],
    ['dropbear', 'FROM alpine:3.20', 'RUN apk add dropbear'],
    [
      'dnf openssh-server',
      'FROM fedora:41',
      'RUN dnf install -y openssh-server',
    ],
    [
      'service ssh start in CMD',
      'FROM debian:12',
      'CMD service ssh start && node app.js',
    ],
    [
      'an init script in sh -c',
      'FROM debian:12',
      `CMD ["sh", "-c", "/etc/init.d/ssh start; exec node app.js"]`,
    ],
    ['systemctl enable', 'FROM rockylinux:9', 'RUN systemctl enable sshd'],
    ['rc-update', 'FROM alpine:3.20', 'RUN rc-update add sshd'],
    [
      'sudo apt-get',
      'FROM debian:12',
      'RUN sudo apt-get install -y openssh-server',
    ],
  ])('flags %s', async (_name, from, line) => {
    expect(await flaggedLines(lines(from, line))).toEqual([2]);
  });

  it.each([
    [
      'the SSH client',
      'FROM debian:12',
      'RUN apt-get install -y openssh-client git',
    ],
    [
      'the client on RPM distributions',
      'FROM fedora:41',
      'RUN dnf install -y openssh-clients',
    ],
    [
      'ssh-keyscan for git',
      'FROM debian:12',
      'RUN ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts',
    ],
    ['a mention in echo', 'FROM debian:12', 'RUN echo "no sshd here"'],
  ])('does not flag %s', async (_name, from, line) => {
    expect(await flaggedLines(lines(from, line))).toEqual([]);
  });

  it('ignores a build stage that is not shipped', async () => {
    const content = lines(
      'FROM debian:12 AS test',
      'RUN apt-get install -y openssh-server',
      'FROM gcr.io/distroless/static-debian12:nonroot',
      'COPY --from=test /app /app',
    );
    expect(await flaggedLines(content)).toEqual([]);
  });

  it('follows the stage the final stage builds on', async () => {
    const content = lines(
      'FROM debian:12 AS base',
      'RUN apt-get install -y openssh-server',
      'FROM base',
      'CMD ["/app"]',
    );
    expect(await flaggedLines(content)).toEqual([2]);
  });
});
