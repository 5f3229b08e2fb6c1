import { findingsFor, lines } from '../../testing';

const RULE = 'process-supervisor';

const flaggedLines = async (content: string) =>
  (await findingsFor(RULE, content)).map(f => f.range.start.line);

describe('process-supervisor', () => {
  it.each([
    [
      'supervisord in exec form',
      'CMD ["/usr/bin/supervisord", "-n", "-c", "/etc/supervisord.conf"]',
    ],
    ['supervisord behind tini', 'ENTRYPOINT ["tini", "--", "supervisord"]'],
    ['supervisord in shell form with exec', 'CMD exec supervisord --nodaemon'],
    ['s6-overlay /init', 'ENTRYPOINT ["/init"]'],
    ['systemd as init', 'CMD ["/sbin/init"]'],
    ['systemd by path', 'CMD ["/lib/systemd/systemd"]'],
    ['runit', 'CMD ["runsvdir", "-P", "/etc/service"]'],
    ['phusion my_init', 'CMD ["/sbin/my_init"]'],
    ['monit', 'CMD ["monit", "-I"]'],
    [
      'pm2 in cluster mode',
      'CMD ["pm2-runtime", "start", "app.js", "-i", "max"]',
    ],
    [
      'supervisord inside sh -c',
      `CMD ["sh", "-c", "envsubst < /tpl > /etc/app.conf && exec supervisord -n"]`,
    ],
    [
      'init scripts started in CMD',
      'CMD service nginx start && service php8.2-fpm start && tail -f /dev/null',
    ],
  ])('flags %s', async (_name, start) => {
    expect(
      await flaggedLines(lines('FROM debian:12', 'RUN true', start)),
    ).toEqual([3]);
  });

  it('checks the CMD the container really runs (last one, final stage, inherited)', async () => {
    const content = lines(
      'FROM debian:12 AS base',
      'CMD ["supervisord"]',
      'FROM base AS app',
      'RUN true',
    );
    expect(await flaggedLines(content)).toEqual([2]);
    expect(
      await flaggedLines(
        lines('FROM debian:12', 'CMD ["supervisord"]', 'CMD ["/app/server"]'),
      ),
    ).toEqual([]);
    expect(
      await flaggedLines(
        lines(
          'FROM debian:12 AS tools',
          'CMD ["supervisord"]',
          'FROM debian:12',
          'CMD ["/app/server"]',
        ),
      ),
    ).toEqual([]);
  });

  it('falls back to a supervisor installed into the shipped image', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get update && apt-get install -y --no-install-recommends nginx supervisor',
      'COPY start.sh /start.sh',
      'CMD ["/start.sh"]',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('"supervisor"');
  });

  it('finds s6-overlay added from a release tarball and pip-installed supervisor', async () => {
    const content = lines(
      'FROM alpine:3.20',
      'ADD https://github.com/just-containers/s6-overlay/releases/download/v3.2.0.0/s6-overlay-noarch.tar.xz /tmp',
      'RUN pip install supervisor==4.2.5',
      'CMD ["/entry.sh"]',
    );
    expect(await flaggedLines(content)).toEqual([2, 3]);
  });

  it.each([
    ['a plain application', 'CMD ["node", "server.js"]'],
    [
      'tini as a minimal init',
      'ENTRYPOINT ["tini", "--", "node", "server.js"]',
    ],
    ['dumb-init', 'ENTRYPOINT ["dumb-init", "--"]\nCMD ["python", "app.py"]'],
    ['pm2-runtime in fork mode', 'CMD ["pm2-runtime", "app.js"]'],
    [
      'sshd (reported by sshd-in-container)',
      'CMD service ssh start && node app.js',
    ],
    ['the word in an echo', 'CMD echo supervisord'],
  ])('does not flag %s', async (_name, start) => {
    expect(await flaggedLines(lines('FROM node:22-slim', start))).toEqual([]);
  });

  it('does not flag a supervisor installed only in a build stage', async () => {
    const content = lines(
      'FROM debian:12 AS build',
      'RUN apt-get install -y supervisor',
      'FROM debian:12',
      'CMD ["/app"]',
    );
    expect(await flaggedLines(content)).toEqual([]);
  });

  it('honours a waiver', async () => {
    const content = lines(
      'FROM debian:12',
      '# scorecard ignore=process-supervisor reason="legacy appliance image, split planned"',
      'CMD ["supervisord"]',
    );
    const [finding] = await findingsFor(RULE, content);
    expect(finding.suppressed?.reason).toContain('legacy');
  });
});
