import { findingsFor, lines } from '../../testing';

const RULE = 'hardcoded-environment-endpoint';

const flagged = async (...text: string[]) =>
  (await findingsFor(RULE, lines('FROM node:22-slim', ...text))).map(
    f => f.message,
  );

describe('hardcoded-environment-endpoint', () => {
  it.each([
    ['ENV API_URL=https://api.prod.example.com/v1', 'api.prod.example.com'],
    ['ENV API_URL https://api-staging.example.com', 'api-staging.example.com'],
    ['ENV REDIS_HOST=redis.qa.internal', 'redis.qa.internal'],
    ['ENV DB_HOST=db-prod-01.internal:5432', 'db-prod-01.internal'],
    [
      'ENV KAFKA_BROKERS=kafka1.uat.corp:9092,kafka2.uat.corp:9092',
      'kafka1.uat.corp',
    ],
    [
      'ENV SERVICE_URL=http://orders.production.svc.cluster.local',
      'orders.production.svc.cluster.local',
    ],
  ])('flags %s', async (text, host) => {
    const messages = await flagged(text);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(host);
  });

  it('flags a connection string with a password and masks it', async () => {
    const [message] = await flagged(
      'ENV DATABASE_URL=postgres://app:hunter2@db.internal:5432/app',
    );
    expect(message).toContain('app:****');
    expect(message).not.toContain('hunter2');
  });

  it('reads every pair of an ENV across continuations', async () => {
    const content = lines(
      'FROM node:22-slim',
      'ENV NODE_ENV=production \\',
      '    API_URL=https://api.staging.example.com',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.snippet)).toEqual(['API_URL']);
  });

  it.each([
    [
      'NODE_ENV=production (a mode, not an endpoint)',
      'ENV NODE_ENV=production',
    ],
    ['a local default', 'ENV API_URL=http://localhost:8080'],
    ['a neutral service name', 'ENV DB_HOST=postgres'],
    ['a reference', 'ENV DATABASE_URL=${DATABASE_URL}'],
    [
      'credentials from variables',
      'ENV DATABASE_URL=postgres://$DB_USER:$DB_PASSWORD@db:5432/app',
    ],
    [
      'a download URL',
      'ENV YARN_URL=https://github.com/yarnpkg/yarn/releases/download/v1.22.22/yarn.tgz',
    ],
    [
      'a public developer site',
      'ENV MYSQL_REPO=https://dev.mysql.com/get/mysql-apt-config.deb',
    ],
    ['a word in a path', 'ENV CONFIG=/etc/app/prod/config.yaml'],
  ])('does not flag %s', async (_name, text) => {
    expect(await flagged(text)).toEqual([]);
  });

  it('ignores build stages', async () => {
    const content = lines(
      'FROM node:22 AS build',
      'ENV API_URL=https://api.prod.example.com',
      'FROM node:22-slim',
      'CMD ["node", "server.js"]',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});
