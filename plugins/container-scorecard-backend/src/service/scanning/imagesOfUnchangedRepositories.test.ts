import { mockServices, TestDatabaseId } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScorecardStore } from '../../database/ScorecardStore';
import { createTestDatabases } from '../../__testUtils__/testDatabases';
import { createImageInspectionService } from '../images/createImageInspectionService';
import { createRepositoryReader } from '../reading/createRepositoryReader';
import { ScanService } from './ScanService';
// The node package's registry fixtures (test-only, unpublished): see imageInspection.test.ts.
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import { pushTestImage } from '../../../../container-scorecard-node/src/images/testing/pushTestImage';
// eslint-disable-next-line @backstage/no-relative-monorepo-imports
import {
  startTestRegistry,
  type TestRegistry,
} from '../../../../container-scorecard-node/src/images/testing/startTestRegistry';

jest.setTimeout(180_000);

/*
 * Scheduled scans skip unchanged repositories (ETag), but the images they run can change under
 * them: a moved tag must still be noticed, and turning inspection on must not wait for a commit.
 */
describe('images of unchanged repositories', () => {
  const databases = createTestDatabases();
  let registry: TestRegistry;
  let root: string;

  beforeAll(async () => {
    registry = await startTestRegistry();
    root = mkdtempSync(join(tmpdir(), 'unchanged-images-'));
  });
  afterAll(async () => {
    await registry?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it.each(databases.eachSupportedId())(
    'inspects them once inspection is on, and again while the repository stays unchanged, on %p',
    async (databaseId: TestDatabaseId) => {
      const repository = `team/steady-${databaseId.toLowerCase()}`;
      const reference = `${registry.host}/${repository}:1`;
      await pushTestImage(registry.url, repository, '1', { user: 'app' });
      const dir = mkdtempSync(join(root, 'repo-'));
      writeFileSync(
        join(dir, 'Dockerfile'),
        `FROM ${reference}\nUSER app\nCMD ["/app"]\n`,
      );
      const entity: Entity = {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: {
          name: 'steady',
          annotations: { 'backstage.io/source-location': `file:${dir}/` },
        },
        spec: { owner: 'team-a', type: 'service' },
      };
      const entityRef = 'component:default/steady';
      const knex = await databases.init(databaseId);
      const store = await ScorecardStore.create({
        database: mockServices.database({ knex }),
      });
      const engine = await createNodeScorecardEngine();
      const scanServiceWith = (images?: object) =>
        new ScanService({
          store,
          engine,
          reader: createRepositoryReader({
            urlReader: mockServices.urlReader.mock(),
            localRoots: [root],
            maxFileBytes: 64 * 1024,
            retry: { attempts: 1, baseDelayMs: 5 },
          }),
          catalog: catalogServiceMock({ entities: [entity] }),
          auth: mockServices.auth(),
          logger: mockServices.logger.mock(),
          options: {
            filter: { kind: 'Component' },
            concurrency: 1,
            entityTimeoutMs: 60_000,
            retentionDays: 400,
            maxFileBytes: 64 * 1024,
          },
          images: createImageInspectionService(
            new ConfigReader({ containerScorecard: { images } }),
          ),
        });

      const withoutImages = scanServiceWith(undefined);
      expect((await withoutImages.scanEntity(entity)).outcome).toBe('analysed');
      expect((await withoutImages.scanEntity(entity)).outcome).toBe(
        'unchanged',
      );
      const definitionsOnly = (await store.getEntitySummary(entityRef))!;

      const withImages = scanServiceWith({
        enabled: true,
        registries: [{ host: registry.host, insecure: true }],
      });
      // Inspection just turned on: the repository is read again although unchanged.
      expect((await withImages.scanEntity(entity)).outcome).toBe('analysed');
      const first = (await store.images.getEntityImages(entityRef))!;
      expect(first.results.map(r => [r.reference, r.status])).toEqual([
        [reference, 'inspected'],
      ]);

      // Unchanged, tag unchanged: inspected again, nothing moved.
      expect((await withImages.scanEntity(entity)).outcome).toBe('unchanged');
      const second = (await store.images.getEntityImages(entityRef))!;
      expect(second.results[0].digest).toBe(first.results[0].digest);
      expect(second.results[0].findings.map(f => f.ruleId)).not.toContain(
        'image-tag-moved',
      );
      const steady = (await store.getEntitySummary(entityRef))!;

      // The tag is rebuilt while the repository stays as it is.
      await pushTestImage(registry.url, repository, '1', {
        user: 'app',
        labels: { rebuilt: 'yes' },
      });
      expect((await withImages.scanEntity(entity)).outcome).toBe('unchanged');
      const third = (await store.images.getEntityImages(entityRef))!;
      expect(third.results[0].digest).not.toBe(first.results[0].digest);
      const moved = third.results[0].findings.filter(
        f => f.ruleId === 'image-tag-moved',
      );
      expect(moved).toHaveLength(1);

      // The entity's counts follow its images; the definitions' score does not move.
      const after = (await store.getEntitySummary(entityRef))!;
      expect(after.score).toBe(definitionsOnly.score);
      expect(after.counts.medium).toBe(steady.counts.medium + 1);
      const imageTotal = (counts: Record<string, number>) =>
        Object.values(counts).reduce((a, b) => a + b, 0);
      expect(imageTotal(after.counts)).toBe(
        imageTotal(definitionsOnly.counts) +
          imageTotal(third.results[0].counts),
      );
    },
  );
});
