import { findingsFor, lines } from '../../testing';

const RULE = 'secret-file-copied';

const flagged = async (...text: string[]) =>
  (await findingsFor(RULE, lines('FROM node:22-slim', ...text))).length;

describe('secret-file-copied', () => {
  it.each([
    'COPY .env /app/.env',
    'COPY .env.production ./',
    'COPY config/prod.env /app/',
    'COPY id_rsa /root/.ssh/id_rsa',
    'COPY keys/id_ed25519 /home/app/.ssh/',
    'COPY .ssh /root/.ssh',
    'COPY .aws/credentials /root/.aws/credentials',
    'ADD .npmrc /root/.npmrc',
    'COPY .pypirc /root/',
    'COPY .netrc /root/',
    'COPY credentials.json /app/',
    'COPY client_secret.json /app/',
    'COPY tls/server.key /etc/ssl/private/',
    'COPY tls/server-key.pem /etc/ssl/private/',
    'COPY store.p12 /app/',
    'COPY .docker/config.json /root/.docker/config.json',
    'COPY ["package.json", ".npmrc", "./"]',
    'COPY --chown=node:node package.json .npmrc ./',
    'ARG KEYFILE=deploy.pem\nCOPY ${KEYFILE} /app/',
  ])('flags %s', async text => {
    expect(await flagged(text)).toBe(1);
  });

  it('lists every secret source in one finding', async () => {
    const [finding] = await findingsFor(
      RULE,
      lines('FROM node:22-slim', 'COPY .npmrc .env package.json ./'),
    );
    expect(finding.message).toContain('.npmrc (a credentials file)');
    expect(finding.message).toContain('.env (an environment file)');
    expect(finding.message).not.toContain('package.json');
  });

  it.each([
    'COPY .env.example /app/.env.example',
    'COPY .env.sample ./',
    'COPY .env.template.json ./.env.json',
    'ADD nodesource-repo.gpg.key /usr/share/keyrings/nodesource.asc',
    'COPY certs/ca.pem /usr/local/share/ca-certificates/',
    'COPY certs/fullchain.pem /etc/ssl/',
    'COPY certs/server-cert.pem /etc/ssl/',
    'COPY keys/id_rsa.pub /root/.ssh/authorized_keys',
    'COPY keys/public.key /etc/app/',
    'COPY package.json package-lock.json ./',
    'COPY . .',
    'COPY environment.ts /app/src/',
    'COPY <<EOF /app/.env.defaults\nPORT=8080\nEOF',
  ])('does not flag %s', async text => {
    expect(await flagged(text)).toBe(0);
  });

  it('does not flag a build stage whose files are not shipped', async () => {
    const content = lines(
      'FROM node:22 AS build',
      'COPY .npmrc package*.json ./',
      'RUN npm ci && rm .npmrc',
      'FROM node:22-slim',
      'COPY --from=build /app/node_modules ./node_modules',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('flags a secret copied from another stage into the final one', async () => {
    const content = lines(
      'FROM alpine:3.20 AS keys',
      'RUN ssh-keygen -t ed25519 -f /id_ed25519 -N ""',
      'FROM alpine:3.20',
      'COPY --from=keys /id_ed25519 /root/.ssh/id_ed25519',
    );
    expect(
      (await findingsFor(RULE, content)).map(f => f.range.start.line),
    ).toEqual([4]);
  });

  it.each([
    ['*.p12', 'COPY certs/*.p12 /app/'],
    ['.ssh/*', 'COPY .ssh/* /root/.ssh/'],
    ['*.pfx', 'COPY keys/*.pfx /app/'],
  ])('flags a glob whose every match is a secret (%s)', async (_name, text) => {
    expect(await flagged(text)).toBe(1);
  });

  it.each([
    [
      '*.env, which matches app.example.env',
      'COPY library-scripts/*.env /tmp/',
    ],
    [
      '*.pem, which matches certificates',
      'COPY certs/*.pem /usr/local/share/ca-certificates/',
    ],
    ['*.key, which matches public.key', 'COPY keys/*.key /etc/app/'],
    ['id_rsa*, which matches id_rsa.pub', 'COPY keys/id_rsa* /root/.ssh/'],
    ['.env*, which matches .env.example', 'COPY .env* ./'],
  ])(
    'does not flag a glob that also matches ordinary files: %s',
    async (_n, text) => {
      expect(await flagged(text)).toBe(0);
    },
  );

  it.each([
    [
      'an absolute path',
      ['COPY . /app', 'ENV GOOGLE_APPLICATION_CREDENTIALS=/app/sa-key.json'],
      '/app/sa-key.json',
    ],
    [
      'a path relative to WORKDIR',
      [
        'WORKDIR /srv',
        'COPY . .',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=keys/sa.json',
      ],
      '/srv/keys/sa.json',
    ],
    [
      'a key file by its name, whatever the variable',
      ['COPY config/ /srv/app/', 'ENV JWT_KEY_PATH=/srv/app/jwt/private.pem'],
      '/srv/app/jwt/private.pem',
    ],
    [
      'a file the COPY names into a directory',
      ['COPY sa.json /app/', 'ENV GOOGLE_APPLICATION_CREDENTIALS=/app/sa.json'],
      '/app/sa.json',
    ],
  ])(
    'flags an ENV pointing at a credentials file inside a copied directory: %s',
    async (_name, text, path) => {
      const findings = await findingsFor(
        RULE,
        lines('FROM python:3.12-slim', ...text),
      );
      expect(findings).toHaveLength(1);
      expect(findings[0].message).toContain(`points to ${path}`);
    },
  );

  it.each([
    [
      'a run-time secret mount',
      ['COPY . /app', 'ENV GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/gcp'],
    ],
    [
      'a key generated at start in a system location',
      [
        'COPY src/etc/ /etc/',
        'ENV SSL_PRIVATE_KEY_FILE=/etc/ssl/private/self-signed-web.key',
      ],
    ],
    [
      'a root file system overlay copied to /',
      [
        'COPY rootfs/ /',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=/srv/config/key.json',
      ],
    ],
    [
      'a path outside what is copied',
      [
        'COPY . /app',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/sa.json',
      ],
    ],
    [
      'a COPY of other named files',
      [
        'COPY requirements.txt /app/',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=/app/sa.json',
      ],
    ],
    [
      'an ordinary path variable',
      ['COPY . /app', 'ENV CONFIG_PATH=/app/config.yaml'],
    ],
    [
      'a certificate path',
      ['COPY certs/ /etc/ssl/app/', 'ENV SSL_CERT_FILE=/etc/ssl/app/ca.pem'],
    ],
    [
      'a variable reference',
      ['COPY . /app', 'ENV GOOGLE_APPLICATION_CREDENTIALS=$GAC'],
    ],
  ])('does not flag an ENV path in %s', async (_name, text) => {
    expect(
      await findingsFor(RULE, lines('FROM python:3.12-slim', ...text)),
    ).toEqual([]);
  });

  it('reports a COPY that names the secret once, not again for the ENV pointing at it', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM python:3.12-slim',
        'COPY credentials.json /app/',
        'ENV GOOGLE_APPLICATION_CREDENTIALS=/app/credentials.json',
      ),
    );
    expect(findings.map(f => f.range.start.line)).toEqual([2]);
  });
});
