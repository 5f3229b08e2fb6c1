import { findingsFor, lines } from '../../testing';

const RULE = 'cron-daemon-in-container';

const flaggedLines = async (content: string) =>
  (await findingsFor(RULE, content)).map(f => f.range.start.line);

describe('cron-daemon-in-container', () => {
  it.each([
    ['cron in the foreground', 'CMD ["cron", "-f"]'],
    ['crond started before the app', 'CMD crond && exec node server.js'],
    ['busybox crond', 'CMD ["busybox", "crond", "-f", "-l", "2"]'],
    ['the cron service', 'CMD service cron start && tail -f /var/log/cron.log'],
    [
      'cron in an exec-form sh -c',
      `ENTRYPOINT ["/bin/sh", "-c", "cron && exec \\"$@\\"", "--"]`,
    ],
    ['anacron', 'CMD ["anacron", "-d"]'],
  ])('flags %s', async (_name, start) => {
    expect(await flaggedLines(lines('FROM debian:12', start))).toEqual([2]);
  });

  it.each([
    [
      'crontab installed but a plain app run',
      'RUN echo "* * * * * date" | crontab -\nCMD ["node", "app.js"]',
    ],
    [
      'supercronic (a foreground scheduler for containers)',
      'CMD ["supercronic", "/etc/crontab"]',
    ],
    [
      'cron started at build time only',
      'RUN service cron start\nCMD ["node", "app.js"]',
    ],
    ['the word cron as an argument', 'CMD ["node", "cron.js"]'],
  ])('does not flag %s', async (_name, text) => {
    expect(await flaggedLines(lines('FROM debian:12', text))).toEqual([]);
  });

  it('only looks at the CMD that runs', async () => {
    const content = lines(
      'FROM debian:12 AS jobs',
      'CMD ["cron", "-f"]',
      'FROM debian:12',
      'CMD ["node", "app.js"]',
    );
    expect(await flaggedLines(content)).toEqual([]);
  });
});
