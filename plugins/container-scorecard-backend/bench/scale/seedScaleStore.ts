import { mockServices } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { performance } from 'node:perf_hooks';
import { ScorecardStore } from '../../src/database/ScorecardStore';
import { FakeGithub } from '../../src/__testUtils__/fakeGithub';
import { demoRepositoryVariants } from '../benchRepositories';
import { buildCatalog, indexedCatalogStandIn, teamOf } from './benchCatalog';
import { BenchDatabase } from './benchDatabase';
import { benchScanService } from './benchScanService';
import { cloneStoredResults, writeHistory } from './seedStore';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A store holding `count` entities' results and `historyDays` of history without scanning them
 * all: the demo repositories (one per variant) are scanned for real through the plugin's
 * ScanService, then their stored rows are cloned in bulk to the rest. What readers meet is the
 * same as after scanning: the same files and findings per variant, the same owners.
 */
export async function seedScaleStore(
  db: BenchDatabase,
  options: {
    count: number;
    historyDays: number;
    /**
     * A mocked GitHub already listening that serves `bench/svc-<i>` with the demo variant
     * `i % variants`. msw intercepts per process: a second server closing would silence the
     * caller's, so a caller with its own passes it here.
     */
    github?: FakeGithub;
  },
): Promise<void> {
  const variants = demoRepositoryVariants();
  const templateCount = Math.min(variants.length, options.count);
  let server: ReturnType<typeof setupServer> | undefined;
  if (!options.github) {
    const github = new FakeGithub();
    for (let i = 0; i < templateCount; i++) {
      github.repos.set(`bench/svc-${i}`, {
        sha: `sha-${i}`,
        files: variants[i],
      });
    }
    server = setupServer(...github.handlers());
    server.listen({ onUnhandledRequest: 'error' });
  }
  const store = await ScorecardStore.create({
    database: mockServices.database({ knex: db.knex }),
  });
  let start = performance.now();
  try {
    const scanService = await benchScanService({
      store,
      catalog: indexedCatalogStandIn(buildCatalog(templateCount)),
      concurrency: 4,
    });
    await scanService.scanAll();
  } finally {
    server?.close();
  }
  const templates = Array.from(
    { length: templateCount },
    (_, i) => `component:default/svc-${i}`,
  );
  const cloned = await cloneStoredResults(db.knex, {
    count: options.count,
    templates,
    refOf: i => `component:default/svc-${i}`,
    ownerOf: i => `group:default/${teamOf(i)}`,
  });
  console.log(
    `  seeded ${options.count} entities (${templateCount} scanned, ${
      cloned.entities
    } cloned with ${cloned.files} files and ${
      cloned.findings
    } findings) in ${seconds(performance.now() - start)}`,
  );
  start = performance.now();
  await writeHistory(db.knex, { days: options.historyDays });
  await store.history.refreshDailyTotals();
  await db.knex.raw('analyze');
  const [{ n }] = (await db
    .knex('container_scorecard_snapshots')
    .count({ n: '*' })) as any;
  console.log(
    `  history: ${n} snapshots (${options.historyDays} days) in ${seconds(
      performance.now() - start,
    )}`,
  );
}
