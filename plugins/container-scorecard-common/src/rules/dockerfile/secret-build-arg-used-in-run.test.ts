import { findingsFor, lines } from '../../testing';

const RULE = 'secret-build-arg-used-in-run';

describe('secret-build-arg-used-in-run', () => {
  it.each([
    [
      'ARG GITHUB_TOKEN',
      'RUN git clone https://$GITHUB_TOKEN@github.com/acme/lib',
    ],
    ['ARG NPM_TOKEN', 'RUN npm ci'],
    ['ARG DB_PASSWORD=""', 'RUN ./migrate.sh'],
    ['ARG GITHUB_TOKEN=placeholder', 'RUN ./fetch-private-deps.sh'],
  ])(
    'flags `%s` followed by a RUN: the value lands in docker history',
    async (arg, run) => {
      const findings = await findingsFor(
        RULE,
        lines('FROM node:22', arg, run, 'CMD ["node", "server.js"]'),
      );
      expect(findings).toHaveLength(1);
      expect(findings[0].range.start.line).toBe(2);
      expect(findings[0].message).toContain('RUN on line 3');
      expect(findings[0].message).toContain('--mount=type=secret');
    },
  );

  it('checks the stages the final stage is built FROM: their history ships too', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM node:22 AS base',
        'ARG NPM_TOKEN',
        'RUN npm ci',
        'FROM base',
        'CMD ["node", "server.js"]',
      ),
    );
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
  });

  it.each([
    [
      'an intermediate stage that only COPY --from reads',
      lines(
        'FROM node:22 AS build',
        'ARG NPM_TOKEN',
        'RUN npm ci && npm run build',
        'FROM node:22-slim',
        'COPY --from=build /app/dist /app',
      ),
    ],
    [
      'no RUN after the ARG',
      lines('FROM node:22', 'RUN npm ci', 'ARG NPM_TOKEN'),
    ],
    [
      'a global ARG not declared again in the stage (RUN cannot see it)',
      lines('ARG NPM_TOKEN', 'FROM node:22', 'RUN npm ci'),
    ],
    [
      'a name about the secret, not the secret',
      lines('FROM node:22', 'ARG TOKEN_URL', 'ARG SECRET_FILE', 'RUN npm ci'),
    ],
    [
      'an identifier',
      lines('FROM node:22', 'ARG AWS_ACCESS_KEY_ID', 'RUN make'),
    ],
    [
      'an ordinary build argument',
      lines('FROM node:22', 'ARG NODE_ENV', 'RUN npm ci'),
    ],
    [
      'a literal default (secret-in-env-or-arg reports that one)',
      lines('FROM node:22', 'ARG API_TOKEN=abcd1234efgh', 'RUN npm ci'),
    ],
    [
      'the secret mount itself',
      lines(
        'FROM node:22',
        'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci',
      ),
    ],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });
});
