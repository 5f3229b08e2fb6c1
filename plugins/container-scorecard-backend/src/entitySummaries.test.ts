import { TestDatabaseId } from '@backstage/backend-test-utils';
import {
  component,
  OUTSIDER,
  startReportsBackend,
} from './__testUtils__/reportsBackend';
import { noFindings } from './__testUtils__/storedResult';
import { createTestDatabases } from './__testUtils__/testDatabases';

jest.setTimeout(120_000);

describe('GET /entities/summaries: a catalog table page in one request', () => {
  const databases = createTestDatabases();

  async function start(databaseId: TestDatabaseId) {
    const knex = await databases.init(databaseId);
    // The outsider cannot see the payments team's ledger; fresh has never been scanned.
    const { get } = await startReportsBackend(knex, {
      entities: [
        component('checkout', 'shop'),
        component('ledger', 'payments'),
        component('fresh', 'shop'),
      ],
      scored: [
        { name: 'checkout', score: 82, grade: 'B' },
        { name: 'ledger', score: 41, grade: 'F' },
      ],
    });
    return get;
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
      const get = await start(databaseId);

      const insider = await get(`/entities/summaries?${page}`);
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
          counts: noFindings,
        },
      ]);

      const one = await get(
        `/entities/summaries?${refsQuery(['component:checkout'])}`,
      );
      expect(one.body.items).toEqual([
        expect.objectContaining({ entityRef: 'component:default/checkout' }),
      ]);

      // The hidden ledger is as absent as an entity that does not exist.
      const outsider = await get(`/entities/summaries?${page}`, OUTSIDER);
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
      const get = await start(databaseId);
      const many = Array.from({ length: 101 }, (_, i) => `component:s${i}`);
      for (const bad of [
        refsQuery(many),
        '',
        'refs=',
        refsQuery(['component:']),
        refsQuery(['x'.repeat(401)]),
      ]) {
        const response = await get(`/entities/summaries?${bad}`);
        expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
      }
      const hundred = await get(
        `/entities/summaries?${refsQuery(many.slice(1))}`,
      );
      expect(hundred.status).toBe(200);
      expect(hundred.body.items).toEqual([]);
    },
  );
});
