import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';

describe('containerScorecardPlugin', () => {
  it('answers the health route without credentials once its database is migrated', async () => {
    const { server } = await startTestBackend({
      features: [containerScorecardPlugin],
    });

    const response = await request(server).get(
      '/api/container-scorecard/health',
    );

    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok', database: 'ok' });
  });

  it('reports 503 when its database cannot be reached', async () => {
    // Port 1 on loopback refuses connections: a real client against a dead server.
    const deadDatabase = knexFactory({
      client: 'pg',
      connection: 'postgresql://postgres@127.0.0.1:1/none',
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 2_000,
    });
    try {
      const { server } = await startTestBackend({
        features: [
          containerScorecardPlugin,
          mockServices.database.factory({
            knex: deadDatabase,
            migrations: { skip: true },
          }),
        ],
      });

      const response = await request(server).get(
        '/api/container-scorecard/health',
      );

      expect(response.status).toBe(503);
      expect(response.body).toEqual({
        status: 'error',
        database: 'unreachable',
      });
    } finally {
      await deadDatabase.destroy();
    }
  });
});
