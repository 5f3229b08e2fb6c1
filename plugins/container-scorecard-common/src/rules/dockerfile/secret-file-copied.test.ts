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
});
