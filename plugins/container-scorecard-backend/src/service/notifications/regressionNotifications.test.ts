import { createServiceFactory } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { containerScorecardPlugin } from '../../plugin';

jest.setTimeout(60_000);

const RESCAN =
  '/api/container-scorecard/entities/component/default/parcel-api/rescan';

const GOOD = `FROM node:22.11.0-bookworm-slim@sha256:${'a'.repeat(64)}
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY src ./src
USER node
HEALTHCHECK CMD ["node", "src/health.js"]
CMD ["node", "src/index.js"]
`;

// The same service after a careless change: a token baked into the image, running as root.
const REGRESSED = GOOD.replace(
  'USER node',
  'ENV API_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\nUSER root',
);

/** One service in a repository of its own on disk, owned by the parcels team. */
async function startBackend(repo: string, sent: NotificationSendOptions[]) {
  const { server } = await startTestBackend({
    features: [
      containerScorecardPlugin,
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Component',
            metadata: {
              name: 'parcel-api',
              namespace: 'default',
              title: 'Parcel API',
              annotations: {
                'backstage.io/managed-by-location': `file:${join(
                  repo,
                  'catalog-info.yaml',
                )}`,
              },
            },
            spec: {
              type: 'service',
              owner: 'parcels',
              lifecycle: 'production',
            },
            relations: [
              { type: 'ownedBy', targetRef: 'group:default/parcels' },
            ],
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: { containerScorecard: { localRoots: [repo] } },
      }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async options => void sent.push(options) }),
      }),
    ],
  });
  return server;
}

describe('regression notifications', () => {
  let repo: string;
  beforeEach(() => {
    repo = mkdtempSync(join(tmpdir(), 'scorecard-notify-'));
    writeFileSync(join(repo, 'catalog-info.yaml'), 'kind: Component\n');
    writeFileSync(join(repo, '.dockerignore'), 'node_modules\n');
  });
  afterEach(() => rmSync(repo, { recursive: true, force: true }));

  it('tells the owning group once when a scan of its repository regresses', async () => {
    const sent: NotificationSendOptions[] = [];
    const server = await startBackend(repo, sent);

    writeFileSync(join(repo, 'Dockerfile'), GOOD);
    const before = await request(server).post(RESCAN);
    expect(before.status).toBe(200);
    expect(sent).toEqual([]);

    writeFileSync(join(repo, 'Dockerfile'), REGRESSED);
    const after = await request(server).post(RESCAN);
    expect(after.body.grade > before.body.grade).toBe(true); // e.g. 'D' > 'A': worse

    expect(sent).toHaveLength(1);
    expect(sent[0].recipients).toEqual({
      type: 'entity',
      entityRef: 'group:default/parcels',
    });
    expect(sent[0].payload).toMatchObject({
      title: expect.stringMatching(
        new RegExp(
          `^Parcel API: container grade dropped from ${before.body.grade} to ${after.body.grade}, .*new critical`,
        ),
      ),
      link: '/catalog/default/component/parcel-api/container-scorecard',
      severity: 'critical',
    });
    expect(sent[0].payload.description).toContain(
      '(last-user-root, Dockerfile:',
    );

    // Scanned again with nothing changed: no second notification.
    await request(server).post(RESCAN).expect(200);
    expect(sent).toHaveLength(1);
  });
});
