import { createBackendPlugin } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { LunrSearchEngine } from '@backstage/plugin-search-backend-node';
import type { RegisterCollatorParameters } from '@backstage/plugin-search-backend-node';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import type { ApiFinding } from '@container-scorecard/plugin-container-scorecard-common';
import request from 'supertest';
import { pipeline } from 'node:stream/promises';
import { containerScorecardPlugin } from '../plugin';
import { ScorecardStore } from '../database/ScorecardStore';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import { searchModuleContainerScorecardCollator } from './module';
import {
  IndexableScorecardDocument,
  ScorecardCollatorFactory,
} from './ScorecardCollatorFactory';

jest.setTimeout(120_000);

const API = '/api/container-scorecard';
const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const component = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { owner: 'team-a', type: 'service' },
});

function finding(
  ruleId: string,
  message: string,
  path: string,
  line: number,
): ApiFinding {
  return {
    ruleId,
    pillar: 'least-privilege',
    severity: 'critical',
    message,
    path,
    range: { start: { line, column: 1 }, end: { line, column: 10 } },
    snippet: '- /var/run/docker.sock:/var/run/docker.sock',
  };
}

async function saveResult(
  store: ScorecardStore,
  name: string,
  findings: ApiFinding[],
) {
  await store.saveResult({
    entityRef: `component:default/${name}`,
    status: 'analysed',
    analysedAt: new Date(),
    rulesetVersion: '1',
    score: findings.length ? 55 : 100,
    grade: findings.length ? 'D' : 'A',
    counts: { ...zero, critical: findings.length },
    files: [
      {
        path: 'compose.yaml',
        kind: 'compose',
        status: 'analysed',
        score: findings.length ? 55 : 100,
        grade: findings.length ? 'D' : 'A',
        counts: { ...zero, critical: findings.length },
        findings,
      },
    ],
    sourceKey: `url:https://example.com/${name}`,
  });
}

/** Reads a collator to the end, as the search backend's indexer does. */
async function collate(factory: ScorecardCollatorFactory) {
  const documents: IndexableScorecardDocument[] = [];
  for await (const document of await factory.getCollator()) {
    documents.push(document);
  }
  return documents;
}

describe('search: one document per scanned entity with its findings', () => {
  const databases = createTestDatabases();

  async function start(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        containerScorecardPlugin,
        catalogServiceMock.factory({
          entities: ['proxy', 'api', 'quiet'].map(component),
        }),
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    const store = ScorecardStore.fromClient(knex);
    // Two identical mounts in one file (two services' worth) make one line in the document.
    await saveResult(store, 'proxy', [
      finding(
        'compose-docker-socket-mount',
        'Service "proxy" mounts /var/run/docker.sock',
        'compose.yaml',
        4,
      ),
      finding(
        'compose-docker-socket-mount',
        'Service "proxy" mounts /var/run/docker.sock',
        'compose.yaml',
        9,
      ),
    ]);
    await saveResult(store, 'api', [
      finding(
        'compose-no-healthcheck',
        'Service "api" has no health check',
        'deploy/compose.yaml',
        2,
      ),
    ]);
    await saveResult(store, 'quiet', []);
    const factory = (pageSize: number) =>
      new ScorecardCollatorFactory({
        discovery: mockServices.discovery.mock({
          getBaseUrl: async pluginId =>
            `http://localhost:${server.port()}/api/${pluginId}`,
        }),
        auth: mockServices.auth(),
        pageSize,
      });
    return { server, factory };
  }

  it.each(databases.eachSupportedId())(
    'collates the stored results page by page into documents that link to the remediation tab and carry their entity for permission filtering, on %p',
    async databaseId => {
      const { factory } = await start(databaseId);

      // A page size of 1 walks three pages plus the empty last one.
      const documents = await collate(factory(1));

      expect(documents.map(d => d.entityRef)).toEqual([
        'component:default/api',
        'component:default/proxy',
        'component:default/quiet',
      ]);
      const proxy = documents[1];
      expect(proxy).toMatchObject({
        title: 'proxy: container scorecard',
        location: '/catalog/default/component/proxy/container-scorecard',
        authorization: { resourceRef: 'component:default/proxy' },
        grade: 'D',
        score: 55,
      });
      expect(proxy.text).toContain('docker.sock');
      expect(proxy.text).toContain(
        'Service mounts the container runtime socket (compose-docker-socket-mount): Service "proxy" mounts /var/run/docker.sock in compose.yaml',
      );
      expect(proxy.text.match(/mounts \/var\/run\/docker\.sock in/g)).toEqual([
        'mounts /var/run/docker.sock in',
      ]);
      expect(documents[2].text).toBe('Grade A, score 100.');
      expect(factory(50).visibilityPermission).toBe(
        catalogEntityReadPermission,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'finds the services that mount docker.sock, and only those, in a Lunr index of the documents, on %p',
    async databaseId => {
      const { factory } = await start(databaseId);
      const engine = new LunrSearchEngine({
        logger: mockServices.logger.mock(),
      });
      const indexer = await engine.getIndexer('container-scorecard');
      await pipeline(await factory(50).getCollator(), indexer);

      const { results } = await engine.query({ term: 'docker.sock' });

      expect(results.map(r => r.document.location)).toEqual([
        '/catalog/default/component/proxy/container-scorecard',
      ]);
    },
  );

  // PostgreSQL runs whenever the test scripts found one (see createTestDatabases).
  const postgresIds = databases
    .eachSupportedId()
    .filter(([id]) => id.startsWith('POSTGRES'));
  (postgresIds.length ? describe : describe.skip)('on PostgreSQL', () => {
    it.each(postgresIds.length ? postgresIds : [['POSTGRES_15' as const]])(
      "matches docker.sock with PostgreSQL's text search too, which reads a path as one word, on %p",
      async databaseId => {
        const { factory } = await start(databaseId);
        const knex = await databases.init(databaseId);
        const proxy = (await collate(factory(50)))[1];

        const match = async (text: string) =>
          (
            await knex.raw(
              "select to_tsvector('english', ?) @@ plainto_tsquery('english', 'docker.sock') as hit",
              [text],
            )
          ).rows[0].hit;

        expect(await match('mounts /var/run/docker.sock')).toBe(false);
        expect(await match(proxy.text)).toBe(true);
      },
    );
  });

  it.each(databases.eachSupportedId())(
    'serves documents to backend services only, and bounds the page size, on %p',
    async databaseId => {
      const { server } = await start(databaseId);

      const asUser = await request(server)
        .get(`${API}/search/documents`)
        .set('Authorization', mockCredentials.user.header());
      expect(asUser.status).toBe(403);

      const asService = await request(server)
        .get(`${API}/search/documents?limit=2`)
        .set('Authorization', mockCredentials.service.header());
      expect(asService.status).toBe(200);
      expect(asService.body.items).toHaveLength(2);
      expect(asService.body.nextAfter).toBe('component:default/proxy');

      for (const bad of ['limit=0', 'limit=201', `after=${'x'.repeat(401)}`]) {
        const response = await request(server)
          .get(`${API}/search/documents?${bad}`)
          .set('Authorization', mockCredentials.service.header());
        expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      }
    },
  );
});

describe('searchModuleContainerScorecardCollator', () => {
  it('registers the collator with the search backend on its configured schedule', async () => {
    const registered: RegisterCollatorParameters[] = [];
    // Stands in for the search backend: only its index registry extension point matters here.
    const searchPlugin = createBackendPlugin({
      pluginId: 'search',
      register(env) {
        env.registerExtensionPoint(searchIndexRegistryExtensionPoint, {
          addCollator: options => registered.push(options),
          addDecorator: () => {},
        });
        env.registerInit({ deps: {}, async init() {} });
      },
    });

    await startTestBackend({
      features: [
        searchPlugin,
        searchModuleContainerScorecardCollator,
        mockServices.rootConfig.factory({
          data: {
            search: {
              collators: {
                containerScorecard: {
                  schedule: {
                    frequency: { hours: 6 },
                    timeout: { minutes: 5 },
                  },
                },
              },
            },
          },
        }),
      ],
    });

    expect(registered).toHaveLength(1);
    expect(registered[0].factory).toBeInstanceOf(ScorecardCollatorFactory);
    expect(registered[0].factory.type).toBe('container-scorecard');
  });
});
