import { mockServices } from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { performance } from 'node:perf_hooks';
import { ScorecardStore } from '../../src/database/ScorecardStore';
import { FakeGithub } from '../../src/__testUtils__/fakeGithub';
import { demoRepositoryVariants } from '../benchRepositories';
import { buildCatalog, indexedCatalogStandIn } from './benchCatalog';
import { BenchDatabase } from './benchDatabase';
import { verdict } from './benchLogger';
import { benchScanService } from './benchScanService';
import { writeHistory } from './seedStore';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The unchanged rescan's target: every repository asked once for its ETag, within a minute. */
const UNCHANGED_RESCAN_TARGET_MS = 60_000;

/**
 * Scans `count` entities for real (repositories served by a mocked GitHub at the network edge,
 * Backstage's real GitHub reader, the plugin's ScanService), rescans them unchanged, and writes
 * `historyDays` of daily snapshots around their scores, each timed.
 */
export async function runScanPhase(
  db: BenchDatabase,
  options: { count: number; historyDays: number; concurrency: number },
): Promise<{ unchangedRescanMs: number }> {
  const github = new FakeGithub();
  const variants = demoRepositoryVariants();
  for (let i = 0; i < options.count; i++) {
    github.repos.set(`bench/svc-${i}`, {
      sha: `sha-${i}`,
      files: variants[i % variants.length],
    });
  }
  const server = setupServer(...github.handlers());
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex: db.knex }),
    });
    const scanService = await benchScanService({
      store,
      catalog: indexedCatalogStandIn(buildCatalog(options.count)),
      concurrency: options.concurrency,
    });
    let start = performance.now();
    const full = await scanService.scanAll();
    console.log(
      `  full scan:        ${seconds(performance.now() - start)}  (${
        full.files
      } files, ${full.findings} findings, ${full.errors} errors)`,
    );
    start = performance.now();
    const unchanged = await scanService.scanAll();
    const unchangedRescanMs = performance.now() - start;
    console.log(
      `  unchanged rescan: ${seconds(unchangedRescanMs)}  (${
        unchanged.unchanged
      } unchanged, ${unchanged.errors} errors; target < 60 s ${verdict(
        unchangedRescanMs < UNCHANGED_RESCAN_TARGET_MS,
      )})`,
    );
    start = performance.now();
    await writeHistory(db.knex, { days: options.historyDays });
    await store.history.refreshDailyTotals();
    await db.knex.raw('analyze');
    const [{ n }] = (await db
      .knex('container_scorecard_snapshots')
      .count({ n: '*' })) as any;
    console.log(
      `  history:          ${n} snapshots (${
        options.historyDays
      } days) written in ${seconds(performance.now() - start)}`,
    );
    return { unchangedRescanMs };
  } finally {
    server.close();
  }
}
