import { findingsFor, lines } from '../../testing';

const RULE = 'secret-in-env-or-arg';

// Fixtures are assembled at run time so that no token-shaped literal sits in the repository.
const GITHUB_TOKEN = `ghp_${'A1b2C3d4E5'.repeat(4)}`;
const FINE_GRAINED = `github_pat_${'11ABCDEFG0'.repeat(3)}_x`;
const SLACK_TOKEN = ['xoxb', '123456789012', 'abcdefghijklmnop'].join('-');
const AWS_KEY_ID = ['AKIA', 'IOSFODNN7EXAMPLE'].join('');
const PRIVATE_KEY = ['-----BEGIN', 'RSA PRIVATE', 'KEY-----'].join(' ');

const flagged = async (...text: string[]) =>
  (await findingsFor(RULE, lines('FROM node:22-slim', ...text))).map(
    f => f.snippet,
  );

describe('secret-in-env-or-arg', () => {
  it.each([
    ['ENV DB_PASSWORD=hunter2-but-longer', 'DB_PASSWORD'],
    ['ENV MYSQL_ROOT_PASSWORD root', 'MYSQL_ROOT_PASSWORD'],
    ['ARG NPM_TOKEN=abc123def456', 'NPM_TOKEN'],
    ['ENV API_KEY="k-9f8e7d6c5b4a"', 'API_KEY'],
    ['ENV STRIPE_SECRET_KEY=whatever-it-is', 'STRIPE_SECRET_KEY'],
    ['ENV OAUTH_CLIENT_SECRET=abcdef123456', 'OAUTH_CLIENT_SECRET'],
    ['LABEL deploy.token=abcdef123456', 'deploy.token'],
    ['ENV app_password=lowercase-works-too', 'app_password'],
  ])('flags %s by its name', async (text, snippet) => {
    expect(await flagged(text)).toEqual([snippet]);
  });

  it.each([
    [
      `ENV AWS_ACCESS_KEY_ID=${AWS_KEY_ID}`,
      'AWS_ACCESS_KEY_ID',
      'an AWS access key id',
    ],
    [`ENV GH=${GITHUB_TOKEN}`, 'GH', 'a GitHub token'],
    [`ARG PAT=${FINE_GRAINED}`, 'PAT', 'a GitHub token'],
    [`ENV NOTIFY=${SLACK_TOKEN}`, 'NOTIFY', 'a Slack token'],
    [`ENV TLS="${PRIVATE_KEY}\\nMIIEow"`, 'TLS', 'a private key'],
    [
      `LABEL ci.credential="${GITHUB_TOKEN}"`,
      'ci.credential',
      'a GitHub token',
    ],
  ])('flags %s by its value', async (text, snippet, kind) => {
    const findings = await findingsFor(RULE, lines('FROM node:22-slim', text));
    expect(findings.map(f => f.snippet)).toEqual([snippet]);
    expect(findings[0].message).toContain(kind);
  });

  it('masks the value in the message and keeps it out of the snippet', async () => {
    const [finding] = await findingsFor(
      RULE,
      lines('FROM node:22-slim', `ENV GITHUB_TOKEN=${GITHUB_TOKEN}`),
    );
    expect(finding.message).not.toContain(GITHUB_TOKEN);
    expect(finding.snippet).not.toContain(GITHUB_TOKEN);
    expect(finding.message).toContain('ghp_…');
  });

  it('reads every pair of a multi-pair ENV across continuations', async () => {
    const content = lines(
      'FROM node:22-slim',
      'ENV NODE_ENV=production \\',
      '    SESSION_SECRET="a long secret with spaces" \\',
      '    PORT=8080',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.range.start)).toEqual([{ line: 3, column: 5 }]);
  });

  it('checks build stages too: their history is pushed with cache exports', async () => {
    expect(
      await flagged(
        'FROM node:22 AS build',
        'ARG REGISTRY_PASSWORD=letmein123',
      ),
    ).toEqual(['REGISTRY_PASSWORD']);
  });

  it.each([
    ['an ARG without a default', 'ARG NPM_TOKEN'],
    ['an empty value', 'ENV DB_PASSWORD='],
    ['an empty quoted value', 'ENV DB_PASSWORD=""'],
    ['a reference to a build argument', 'ARG TOKEN\nENV TOKEN=${TOKEN}'],
    ['a reference with a default', 'ENV API_KEY=${API_KEY:-}'],
    [
      'a secret file path',
      'ENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password',
    ],
    ['a path as the value', 'ENV SECRET_KEY=/run/secrets/django_key'],
    ['a token URL', 'ENV TOKEN_URL=https://auth.example.com/oauth/token'],
    ['a token lifetime', 'ENV ACCESS_TOKEN_TTL=3600'],
    ['a user name', 'ENV DB_USER=app'],
    [
      'a public GPG key fingerprint',
      'ENV GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
    ],
    ['the working directory variable', 'ENV PWD=/app'],
    [
      'a "no" placeholder',
      'ENV GOOGLE_API_KEY=no GOOGLE_DEFAULT_CLIENT_SECRET=no',
    ],
    ['an angle-bracket placeholder', 'ARG API_TOKEN=<your-token>'],
    ['a one-character placeholder', 'ENV sa_password="_"'],
    ['punctuation only', 'ENV DB_PASSWORD=?!?'],
    ['a secret mentioned in RUN (another concern)', 'RUN echo "$DB_PASSWORD"'],
  ])('does not flag %s', async (_name, text) => {
    expect(await flagged(text)).toEqual([]);
  });

  it('honours a waiver', async () => {
    const content = lines(
      'FROM postgres:16',
      '# scorecard ignore=secret-in-env-or-arg reason="throwaway test database"',
      'ENV POSTGRES_PASSWORD=postgres',
    );
    const [finding] = await findingsFor(RULE, content);
    expect(finding.suppressed).toBeDefined();
  });

  it('flags credentials on Windows images too: secrets are not OS-specific', async () => {
    const content = lines(
      'FROM mcr.microsoft.com/mssql/server:2022-latest',
      'ENV ACCEPT_EULA=Y sa_password=Str0ngPassw0rd!',
    );
    const findings = await findingsFor(RULE, content);
    expect(findings.map(f => f.snippet)).toEqual(['sa_password']);
    expect(findings[0].message).not.toContain('Str0ngPassw0rd');
  });
});
