import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';
import { ScorecardStore } from './database/ScorecardStore';
import { catalogWithVisibility } from './__testUtils__/demoCatalog';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

const API = '/api/container-scorecard';
const OUTSIDER = 'user:default/outsider';
const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { owner, type: 'service' },
  relations: [{ type: RELATION_OWNED_BY, targetRef: `group:default/${owner}` }],
});

describe('GET /entities/summaries: a catalog table page in one request', () => {
  const databases = createTestDatabases();

  async function start(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    // The outsider cannot see the payments team's ledger, as a catalog policy would decide.
    const catalog = catalogWithVisibility(
      [
        component('checkout', 'shop'),
        component('ledger', 'payments'),
        component('fresh', 'shop'),
      ],
      (user, entity) => user === OUTSIDER && entity.spec?.owner === 'payments',
    );
    const { server } = await startTestBackend({
      features: [
        containerScorecardPlugin,
        catalog.factory,
        mockServices.database.factory({ knex }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    const store = ScorecardStore.fromClient(knex);
    for (const [name, score, grade] of [
      ['checkout', 82, 'B'],
      ['ledger', 41, 'F'],
    ] as const) {
      await store.saveResult({
        entityRef: `component:default/${name}`,
        status: 'analysed',
        analysedAt: new Date(),
        rulesetVersion: '1',
        score,
        grade,
        counts: { ...zero, high: 1 },
        files: [],
        sourceKey: `url:https://example.com/${name}`,
      });
    }
    return server;
  }

  // As the frontend client sends them: comma-separated, the whole list URL-encoded.
  const refsQuery = (refs: string[]) =>
    new URLSearchParams({ refs: refs.join(',') }).toString();
  const page = refsQuery([
    'component:default/checkout',
    'Component:default/LEDGER',
    'component:fresh',
    'component:default/unknown',
  ]);

  it.each(databases.eachSupportedId())(
    'answers the visible entities with grade and score, not-scanned ones as such, and leaves out the hidden and unknown, on %p',
    async databaseId => {
      const server = await start(databaseId);

      const insider = await request(server)
        .get(`${API}/entities/summaries?${page}`)
        .set('Authorization', mockCredentials.user.header());
      expect(insider.status).toBe(200);
      expect(insider.body.items).toEqual([
        expect.objectContaining({
          entityRef: 'component:default/checkout',
          status: 'analysed',
          score: 82,
          grade: 'B',
          owner: 'group:default/shop',
        }),
        expect.objectContaining({
          entityRef: 'component:default/ledger',
          grade: 'F',
        }),
        {
          entityRef: 'component:default/fresh',
          owner: 'group:default/shop',
          status: 'not-scanned',
          counts: zero,
        },
      ]);

      const one = await request(server)
        .get(`${API}/entities/summaries?${refsQuery(['component:checkout'])}`)
        .set('Authorization', mockCredentials.user.header());
      expect(one.body.items).toEqual([
        expect.objectContaining({ entityRef: 'component:default/checkout' }),
      ]);

      // The hidden ledger is as absent as an entity that does not exist.
      const outsider = await request(server)
        .get(`${API}/entities/summaries?${page}`)
        .set('Authorization', mockCredentials.user.header(OUTSIDER));
      expect(outsider.status).toBe(200);
      expect(outsider.body.items.map((i: any) => i.entityRef)).toEqual([
        'component:default/checkout',
        'component:default/fresh',
      ]);
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses more than 100 refs, none, and refs that are not refs, on %p',
    async databaseId => {
      const server = await start(databaseId);
      const many = Array.from({ length: 101 }, (_, i) => `component:s${i}`);
      for (const bad of [
        refsQuery(many),
        '',
        'refs=',
        refsQuery(['component:']),
        refsQuery(['x'.repeat(401)]),
      ]) {
        const response = await request(server)
          .get(`${API}/entities/summaries?${bad}`)
          .set('Authorization', mockCredentials.user.header());
        expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      }
      const hundred = await request(server)
        .get(`${API}/entities/summaries?${refsQuery(many.slice(1))}`)
        .set('Authorization', mockCredentials.user.header());
      expect(hundred.status).toBe(200);
      expect(hundred.body.items).toEqual([]);
    },
  );
});
