import { mockServices } from '@backstage/backend-test-utils';
import type { ImageResult } from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from './ScorecardStore';
import {
  noFindings,
  storedResult,
  unreachableImage as failed,
} from '../__testUtils__/storedResult';
import { createTestDatabases } from '../__testUtils__/testDatabases';
import type { EntityResultInput } from './types';

jest.setTimeout(60_000);

const entityRef = 'component:default/route-optimizer';
const digest = (n: number) => `sha256:${String(n).repeat(64)}`;

const inspected: ImageResult = {
  reference: 'registry.test/team/api:1',
  usedBy: ['compose', 'annotation'],
  status: 'inspected',
  digest: digest(1),
  platforms: ['linux/amd64', 'linux/arm64'],
  created: '2026-11-30T10:00:00Z',
  // Over 2^31: PostgreSQL's bigint answers it as a string; it must come back a number.
  compressedSize: 3_000_000_000,
  layerCount: 7,
  user: '',
  signed: false,
  score: 64,
  pillarScores: { 'least-privilege': 60 } as ImageResult['pillarScores'],
  findings: [
    {
      ruleId: 'image-runs-as-root',
      severity: 'high',
      message: 'The image runs as root',
      path: 'registry.test/team/api:1',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      snippet: 'User: ""',
      penalty: 20,
    },
  ],
  counts: { ...noFindings, high: 1 },
};

const result = (overrides: Partial<EntityResultInput> = {}) =>
  storedResult(entityRef, overrides);

describe('ScorecardStore: image results', () => {
  const databases = createTestDatabases();

  async function createStore(databaseId: any) {
    const knex = await databases.init(databaseId);
    return ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
  }

  it.each(databases.eachSupportedId())(
    'round-trips inspected, failed and not-inspected images on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const inspectedAt = new Date('2026-12-01T10:00:05Z');
      await store.saveResult(
        result({
          images: {
            inspectedAt,
            results: [inspected, failed],
            notInspected: [
              {
                reference: '${IMAGE}',
                reason: '"${IMAGE}" is not a literal image reference',
              },
            ],
          },
        }),
      );
      expect(await store.images.getEntityImages(entityRef)).toEqual({
        inspectedAt: inspectedAt.toISOString(),
        results: [inspected, failed],
        notInspected: [
          {
            reference: '${IMAGE}',
            reason: '"${IMAGE}" is not a literal image reference',
          },
        ],
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'has no images for an entity whose images were never inspected on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      expect(await store.images.getEntityImages(entityRef)).toBeUndefined();
      await store.saveResult(result());
      expect(await store.images.getEntityImages(entityRef)).toBeUndefined();
      expect(await store.images.lastDigestsOf(entityRef)).toEqual(new Map());
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the last digest of a reference over a failed inspection, and forgets removed entities, on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      const at = (day: number) => new Date(`2026-12-0${day}T10:00:00Z`);
      await store.saveResult(
        result({
          images: {
            inspectedAt: at(1),
            results: [inspected],
            notInspected: [],
          },
        }),
      );
      expect(await store.images.lastDigestsOf(entityRef)).toEqual(
        new Map([[inspected.reference, digest(1)]]),
      );

      // The registry is down for a scan: the digest seen before must survive it.
      const down = { ...failed, reference: inspected.reference };
      await store.saveResult(
        result({
          analysedAt: at(2),
          images: { inspectedAt: at(2), results: [down], notInspected: [] },
        }),
      );
      expect(await store.images.lastDigestsOf(entityRef)).toEqual(
        new Map([[inspected.reference, digest(1)]]),
      );
      const stored = await store.images.getEntityImages(entityRef);
      expect(stored?.results).toEqual([down]);
      expect(stored?.inspectedAt).toBe(at(2).toISOString());

      // A later scan that reads the tag again records where it points now.
      await store.saveResult(
        result({
          analysedAt: at(3),
          images: {
            inspectedAt: at(3),
            results: [{ ...inspected, digest: digest(2) }],
            notInspected: [],
          },
        }),
      );
      expect(await store.images.lastDigestsOf(entityRef)).toEqual(
        new Map([[inspected.reference, digest(2)]]),
      );

      // A result saved without images (inspection turned off) leaves the stored ones alone.
      await store.saveResult(result({ analysedAt: at(4) }));
      expect(
        (await store.images.getEntityImages(entityRef))?.results,
      ).toHaveLength(1);

      await store.removeEntities([entityRef]);
      expect(await store.images.lastDigestsOf(entityRef)).toEqual(new Map());
      expect(await store.images.getEntityImages(entityRef)).toBeUndefined();
    },
  );

  it.each(databases.eachSupportedId())(
    'keeps the previous images when the result cannot be written on %p',
    async databaseId => {
      const store = await createStore(databaseId);
      await store.saveResult(
        result({
          images: {
            inspectedAt: new Date('2026-12-01T10:00:00Z'),
            results: [inspected],
            notInspected: [],
          },
        }),
      );
      // Findings that cannot be serialised fail the write after the entity row was replaced:
      // the whole transaction, images included, must roll back.
      const circular: any = { ruleId: 'x' };
      circular.self = circular;
      const broken = { ...inspected, findings: [circular] };
      await expect(
        store.saveResult(
          result({
            images: {
              inspectedAt: new Date('2026-12-02T10:00:00Z'),
              results: [broken],
              notInspected: [],
            },
          }),
        ),
      ).rejects.toThrow();
      expect(await store.images.getEntityImages(entityRef)).toEqual({
        inspectedAt: '2026-12-01T10:00:00.000Z',
        results: [inspected],
        notInspected: [],
      });
    },
  );
});
