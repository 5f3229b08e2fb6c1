import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import eventsPlugin from '@backstage/plugin-events-backend';
import { eventsServiceFactory } from '@backstage/plugin-events-node';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';

jest.setTimeout(120_000);

const API = '/api/container-scorecard';
const WEBHOOK = '/api/events/http/github';
const SECRET = 'a-webhook-secret-for-the-test';

const BAD =
  'FROM ubuntu\nRUN apt-get update && apt-get upgrade -y\nCMD supervisord\n';
const GOOD = [
  `FROM node:22.11-alpine@sha256:${'a'.repeat(64)}`,
  'WORKDIR /app',
  'COPY --chown=node:node . .',
  'USER node',
  'HEALTHCHECK CMD ["node", "health.js"]',
  'CMD ["node", "index.js"]',
  '',
].join('\n');

/** A GitHub `push` payload as its webhook sends it (fields this plugin does not read trimmed). */
function pushPayload(paths: string[]) {
  return {
    ref: 'refs/heads/main',
    before: '1'.repeat(40),
    after: '2'.repeat(40),
    created: false,
    deleted: false,
    forced: false,
    commits: [
      {
        id: '2'.repeat(40),
        message: 'Change the container',
        added: [],
        removed: [],
        modified: paths,
      },
    ],
    repository: {
      full_name: 'acme/webhook-demo',
      html_url: 'https://github.com/acme/webhook-demo',
      default_branch: 'main',
    },
    sender: { login: 'octocat' },
  };
}

/**
 * The GitHub events module's two features (its router and its webhook ingress with signature
 * checks). Its package entry loads them with a dynamic `import()` that Jest cannot run, so they
 * are required from the package's own files.
 */
function githubEventsModule() {
  const root = dirname(
    require.resolve(
      '@backstage/plugin-events-backend-module-github/package.json',
    ),
  );
  return ['eventsModuleGithubEventRouter', 'eventsModuleGithubWebhook'].map(
    name => require(join(root, 'dist', 'service', `${name}.cjs.js`)).default,
  );
}

function signed(body: string, secret = SECRET) {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

describe('push events', () => {
  let dir: string;
  let server: Awaited<ReturnType<typeof startTestBackend>>['server'];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'scorecard-push-'));
    writeFileSync(join(dir, 'Dockerfile'), BAD);
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'webhook-demo',
        annotations: {
          // Read from a local checkout; the slug names the GitHub repository pushes come from.
          'backstage.io/managed-by-location': `file:${join(
            dir,
            'catalog-info.yaml',
          )}`,
          'github.com/project-slug': 'acme/webhook-demo',
        },
      },
      spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
    };
    ({ server } = await startTestBackend({
      features: [
        containerScorecardPlugin,
        eventsPlugin,
        // The real events service, shared by all plugins: the test backend's default mock
        // gives each plugin one of its own, so no event would cross from one to another.
        eventsServiceFactory,
        ...githubEventsModule(),
        catalogServiceMock.factory({ entities: [entity] }),
        mockServices.rootConfig.factory({
          data: {
            containerScorecard: { localRoots: [dir] },
            events: { modules: { github: { webhookSecret: SECRET } } },
          },
        }),
        mockServices.scheduler.factory({
          includeInitialDelayedTasksOnStartup: true,
        }),
      ],
    }));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function scorecard() {
    const response = await request(server).get(
      `${API}/entities/component/default/webhook-demo/scorecard`,
    );
    return response.status === 200 ? response.body : undefined;
  }

  async function eventually<T>(read: () => Promise<T | undefined>) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      if (Date.now() > deadline) {
        const last = await request(server).get(
          `${API}/entities/component/default/webhook-demo/scorecard`,
        );
        const status = await request(server).get(`${API}/scans/status`);
        throw new Error(
          `timed out waiting; the scorecard answers ${
            last.status
          } ${JSON.stringify(last.body).slice(
            0,
            500,
          )}, the scan status ${JSON.stringify(status.body)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  }

  async function post(payload: unknown, signature?: string) {
    const body = JSON.stringify(payload);
    return request(server)
      .post(WEBHOOK)
      .set('content-type', 'application/json')
      .set('x-github-event', 'push')
      .set('x-github-delivery', '72d3162e-cc78-11e3-81ab-4c9367dc0958')
      .set('x-hub-signature-256', signature ?? signed(body))
      .send(body);
  }

  it('rescans the entity a signed GitHub push changed, and only on a container definition', async () => {
    const before = await eventually(async () => {
      const card = await scorecard();
      return card?.status === 'analysed' ? card : undefined;
    });
    writeFileSync(join(dir, 'Dockerfile'), GOOD);

    // A forged signature is refused by the GitHub module; nothing is rescanned.
    const forged = await post(
      pushPayload(['Dockerfile']),
      signed('x', 'wrong'),
    );
    expect(forged.status).toBe(403);
    // So is an unsigned delivery, and a signed body changed on the way.
    const body = JSON.stringify(pushPayload(['Dockerfile']));
    const unsigned = await request(server)
      .post(WEBHOOK)
      .set('content-type', 'application/json')
      .set('x-github-event', 'push')
      .send(body);
    expect(unsigned.status).toBe(403);
    expect(unsigned.body).toEqual({ message: 'invalid signature' });
    const tampered = await post(
      { ...pushPayload(['Dockerfile']), ref: 'refs/heads/release/2026-12' },
      signed(body),
    );
    expect(tampered.status).toBe(403);
    // Correctly signed but not a readable push: taken in by the events backend, and mapped to
    // nothing (the subscriber reads no repository from it).
    expect((await post({ ref: 'refs/heads/main', commits: 'x' })).status).toBe(
      202,
    );
    expect(
      (await post({ ...pushPayload(['Dockerfile']), repository: null })).status,
    ).toBe(202);
    // Text that is no JSON at all, signed: refused before any subscriber sees it (the events
    // backend's JSON parser throws, which its router answers with 500; never a 202).
    const notJson = '{"ref": "refs/heads/main", ';
    const broken = await request(server)
      .post(WEBHOOK)
      .set('content-type', 'application/json')
      .set('x-github-event', 'push')
      .set('x-hub-signature-256', signed(notJson))
      .send(notJson);
    expect(broken.status).toBeGreaterThanOrEqual(400);
    // A push that touched no container definition asks for nothing.
    expect((await post(pushPayload(['README.md']))).status).toBe(202);
    // A rescan it started would have stored the new Dockerfile by now (one small file).
    await new Promise(resolve => setTimeout(resolve, 3_000));
    expect((await scorecard()).score).toBe(before.score);

    expect((await post(pushPayload(['Dockerfile']))).status).toBe(202);
    const after = await eventually(async () => {
      const card = await scorecard();
      return card && card.score !== before.score ? card : undefined;
    });
    expect(after.score).toBeGreaterThan(before.score);
    expect(after.status).toBe('analysed');
  });
});
