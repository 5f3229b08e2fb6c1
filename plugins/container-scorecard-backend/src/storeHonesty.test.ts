import {
  mockServices,
  startTestBackend,
  TestDatabaseId,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import knexFactory from 'knex';
import { join } from 'node:path';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';
import { EXAMPLES_DIR } from './__testUtils__/demoCatalog';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

const API = '/api/container-scorecard';
const LONG_TITLE = `Checkout ${'t'.repeat(991)}`;
const LONG_OWNER = `group:default/${'o'.repeat(986)}`;

function component(name: string, overrides: Partial<Entity> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: {
        'backstage.io/managed-by-location': `file:${join(
          EXAMPLES_DIR,
          'repos/checkout-api/catalog-info.yaml',
        )}`,
      },
    },
    spec: { owner: 'checkout', type: 'service' },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/checkout' }],
    ...overrides,
  };
}

const entities: Entity[] = [
  component('long-title', {
    metadata: {
      ...component('x').metadata,
      name: 'long-title',
      title: LONG_TITLE,
    },
    relations: [{ type: 'ownedBy', targetRef: LONG_OWNER }],
  }),
  component('plain'),
  component('formula', {
    metadata: {
      ...component('x').metadata,
      name: 'formula',
      title: ' |=cmd|" /C calc"!A0',
    },
  }),
  // Same repository, but a Resource: outside the default scope (kind Component).
  { ...component('shared-db'), kind: 'Resource' },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'checkout' },
    spec: { type: 'team', children: [] },
  },
];

/** What an error body must never hold: where the database is, or the code behind the answer. */
function expectNoLeaks(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/127\.0\.0\.1|localhost|:5432|postgres(ql)?:\/\//i);
  expect(text).not.toMatch(/\bat .+\.(ts|js):\d+/);
  expect(text).not.toMatch(/insert into|select .* from|stack/i);
}

describe('the store on PostgreSQL and SQLite, through the routes', () => {
  const databases = createTestDatabases();

  async function start(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    const { server } = await startTestBackend({
      features: [
        containerScorecardPlugin,
        catalogServiceMock.factory({ entities }),
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: { containerScorecard: { localRoots: [EXAMPLES_DIR] } },
        }),
        mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      ],
    });
    return { knex, server };
  }

  it.each(databases.eachSupportedId())(
    'scores an entity with a 1,000-character title and owner, and defuses a formula-like title in the CSV, on %p',
    async databaseId => {
      const { server } = await start(databaseId);

      const rescan = await request(server).post(
        `${API}/entities/component/default/long-title/rescan`,
      );
      expect(rescan.status).toBe(200);
      expect(rescan.body).toMatchObject({ status: 'analysed' });

      const team = await request(server).get(
        `${API}/teams/default/checkout/scorecard`,
      );
      expect(team.status).toBe(200);
      await request(server)
        .post(`${API}/entities/component/default/formula/rescan`)
        .expect(200);
      const report = await request(server).get(`${API}/report/export.csv`);
      expect(report.text).toContain(LONG_TITLE);
      expect(report.text).toContain(LONG_OWNER);
      // A title a spreadsheet would run as a command is led by a quote, and quoted.
      expect(report.text).toContain(`,"' |=cmd|"" /C calc""!A0",`);
    },
  );

  it.each(databases.eachSupportedId())(
    'shows a result it could not store on the entity, and the rescan answers 503 without details on %p',
    async databaseId => {
      const { knex, server } = await start(databaseId);
      await request(server)
        .post(`${API}/entities/component/default/plain/rescan`)
        .expect(200);
      // The findings table is gone: the result cannot be written, the failure still can.
      await knex.schema.dropTable('container_scorecard_findings');

      const rescan = await request(server).post(
        `${API}/entities/component/default/plain/rescan`,
      );
      expect(rescan.status).toBe(503);
      expect(rescan.body.error).toEqual({
        name: 'ServiceUnavailableError',
        message: expect.stringContaining('could not be stored'),
      });
      expectNoLeaks(rescan.body);

      const health = await request(server).get(`${API}/health`);
      expect(health.status).toBe(503);
      expect(health.body).toEqual({
        status: 'error',
        database: 'missing-tables',
      });

      // Reading the scorecard needs the findings too: a sanitised 503, no SQL.
      const scorecard = await request(server).get(
        `${API}/entities/component/default/plain/scorecard`,
      );
      expect(scorecard.status).toBe(503);
      expectNoLeaks(scorecard.body);

      const team = await request(server).get(
        `${API}/teams/default/checkout/scorecard`,
      );
      expect(team.body.services.items).toContainEqual(
        expect.objectContaining({
          entityRef: 'component:default/plain',
          status: 'could-not-analyse',
        }),
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'refuses to rescan an entity outside the configured scope, and stores nothing on %p',
    async databaseId => {
      const { knex, server } = await start(databaseId);

      const response = await request(server).post(
        `${API}/entities/resource/default/shared-db/rescan`,
      );

      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(/outside .* scope/);
      expect(await knex('container_scorecard_entities').select()).toEqual([]);
      expect(await knex('container_scorecard_scans').select()).toEqual([]);
    },
  );

  it('answers a database outage with a 503 that names no host, port, user or database', async () => {
    // Port 1 on loopback refuses connections: a real client against a dead server.
    const deadDatabase = knexFactory({
      client: 'pg',
      connection: 'postgresql://scorecard_user@127.0.0.1:1/scorecard_db',
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 2_000,
    });
    try {
      const { server } = await startTestBackend({
        features: [
          containerScorecardPlugin,
          catalogServiceMock.factory({ entities }),
          mockServices.database.factory({
            knex: deadDatabase,
            migrations: { skip: true },
          }),
          mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
          mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        ],
      });

      for (const response of [
        await request(server).get(
          `${API}/entities/component/default/plain/scorecard`,
        ),
        await request(server).get(`${API}/report`),
        await request(server).post(
          `${API}/entities/component/default/plain/rescan`,
        ),
      ]) {
        expect(response.status).toBe(503);
        expect(response.body.error.name).toBe('ServiceUnavailableError');
        expectNoLeaks(response.body);
        expect(JSON.stringify(response.body)).not.toMatch(
          /scorecard_user|scorecard_db|ECONNREFUSED|"address"|"port"|"errno"/,
        );
      }
    } finally {
      await deadDatabase.destroy();
    }
  });
});
