import { findingsFor, lines } from '../../testing';

const RULE = 'logs-written-to-files';

const flagged = async (...text: string[]) =>
  (await findingsFor(RULE, lines('FROM node:22-slim', ...text))).map(
    f => f.snippet,
  );

describe('logs-written-to-files', () => {
  it.each([
    ['CMD node server.js >> /var/log/app.log 2>&1', '/var/log/app.log'],
    ['CMD exec node server.js &> /var/log/app/all.log', '/var/log/app/all.log'],
    [
      'CMD ["sh", "-c", "exec node server.js > /app/logs/out.log"]',
      '/app/logs/out.log',
    ],
    ['ENTRYPOINT ./run.sh 2>> errors.log', 'errors.log'],
    [
      'CMD ["gunicorn", "--access-logfile", "/var/log/gunicorn/access.log", "app:app"]',
      '"--access-logfile", "/var/log/gunicorn/access.log"',
    ],
    [
      'CMD mongod --logpath=/var/log/mongodb/mongod.log',
      '--logpath=/var/log/mongodb/mongod.log',
    ],
    ['ENV LOG_FILE=/var/log/app/app.log', 'LOG_FILE=/var/log/app/app.log'],
    [
      'ENV APP_LOG_PATH /srv/app/logs/app.log',
      'APP_LOG_PATH /srv/app/logs/app.log',
    ],
    [
      'ENV NGINX_ERROR_LOG=/var/log/nginx/error.log',
      'NGINX_ERROR_LOG=/var/log/nginx/error.log',
    ],
  ])('flags %s', async (text, snippet) => {
    expect(await flagged(text)).toEqual([snippet]);
  });

  it.each([
    ['output to the streams', 'CMD node server.js 2>&1'],
    ['an explicit stdout', 'CMD node server.js > /dev/stdout'],
    ['discarded output', 'CMD ./warmup > /dev/null; exec node server.js'],
    [
      'gunicorn logging to -',
      'CMD ["gunicorn", "--access-logfile", "-", "--error-logfile", "-", "app:app"]',
    ],
    ['a log file variable pointed at stdout', 'ENV LOG_FILE=/dev/stdout'],
    ['a log level', 'ENV LOG_LEVEL=info'],
    [
      'a log directory (images link the files inside to the streams)',
      'ENV APACHE_LOG_DIR=/var/log/apache2',
    ],
    ['redirects at build time', 'RUN npm run build > /tmp/build.log'],
    [
      'an earlier CMD replaced by a later one',
      'CMD node a.js > /var/log/a.log\nCMD ["node", "a.js"]',
    ],
  ])('does not flag %s', async (_name, text) => {
    expect(await flagged(text)).toEqual([]);
  });

  it('accepts log files linked to stdout/stderr, as the official images do', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN apt-get install -y nginx \\',
      ' && ln -sf /dev/stdout /var/log/nginx/access.log \\',
      ' && ln -sf /dev/stderr /var/log/nginx/error.log',
      'ENV NGINX_ACCESS_LOG=/var/log/nginx/access.log',
      'CMD nginx -g "daemon off;" 2>> /var/log/nginx/error.log',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('resolves variables in links to stdout/stderr', async () => {
    const content = lines(
      'FROM debian:12',
      'ENV APP_LOG_FILE=/var/log/app/app.log',
      'RUN ln -sfT /dev/stdout "$APP_LOG_FILE"',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('points at the redirect target in a multi-line CMD', async () => {
    const content = lines(
      'FROM node:22-slim',
      'CMD node server.js \\',
      '    >> /var/log/app.log',
    );
    const [finding] = await findingsFor(RULE, content);
    expect(finding.range.start).toEqual({ line: 3, column: 8 });
  });

  it('only looks at the final image', async () => {
    const content = lines(
      'FROM node:22 AS build',
      'ENV LOG_FILE=/var/log/build.log',
      'CMD node build.js > /var/log/build.log',
      'FROM node:22-slim',
      'CMD ["node", "server.js"]',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});
