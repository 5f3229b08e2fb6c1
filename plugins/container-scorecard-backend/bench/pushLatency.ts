/*
 * Push phase of the scale benchmark: the time from a GitHub push event to the updated scorecard,
 * for P pushes to P different repositories of N scanned entities. The pushes go through
 * Backstage's events service (the topic `github.push`, as the GitHub module publishes it) to the
 * plugin's own subscriber, which enqueues the pushed entities in the shared scan queue; the
 * plugin's real ScanService scans them; a push counts as done when the store holds its commit.
 * One push every 100 ms, as a busy organisation's webhooks arrive.
 *
 * Target: p95 under 10 s. Needs PostgreSQL (source scripts/ensure-postgres.sh).
 * Run: npm run bench:push [-- --entities 10000 --pushes 100 --seed], or as a phase of bench:scale
 * (`--phases push`), which calls `runPushPhase`.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { DefaultEventsService } from '@backstage/plugin-events-node';
import knexFactory from 'knex';
import { setupServer } from 'msw/node';
import { performance } from 'node:perf_hooks';
import { ScorecardStore } from '../src/database/ScorecardStore';
import { FakeGithub } from '../src/__testUtils__/fakeGithub';
import { PushEventRescans } from '../src/service/events/PushEventRescans';
import {
  benchEntities,
  demoRepositoryVariants,
  serveGeneration,
} from './benchRepositories';
import { percentile, quietLogger } from './scale/benchLogger';
import { benchScanService } from './scale/benchScanService';
import { seedScaleStore } from './scale/seedScaleStore';

const PUSH_INTERVAL_MS = 100;
/** The target: push to updated scorecard, p95. */
const P95_TARGET_MS = 10_000;

/** What the push phase measured. */
export interface PushOutcome {
  p95Ms: number;
  peakRssBytes: number;
}

/**
 * The push phase: a first full scan of `entities`, then `pushes` GitHub pushes through the
 * events service, each timed to its stored commit. Prints the latencies and the verdicts.
 */
export async function runPushPhase(plan: {
  entities: number;
  pushes: number;
  /**
   * How the store gets its results before the pushes: a full scan (the default), or seeded in
   * bulk (bench/scale/seedScaleStore.ts), which at 10,000 entities takes a minute instead of
   * the better part of an hour on a shared two-core machine. Pushes then meet the same store.
   */
  start?: 'scan' | 'seed';
}): Promise<PushOutcome> {
  const ENTITIES = plan.entities;
  const PUSHES = Math.min(ENTITIES, plan.pushes);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 250);
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!connection) {
    throw new Error(
      'Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (source scripts/ensure-postgres.sh)',
    );
  }
  const name = `cs_bench_${Date.now()}`;
  const admin = knexFactory({ client: 'pg', connection });
  await admin.raw(`create database ${name}`);
  const url = new URL(connection);
  url.pathname = `/${name}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  const github = new FakeGithub();
  const server = setupServer(...github.handlers());
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const entities = benchEntities(ENTITIES);
    serveGeneration(github, ENTITIES, 0);
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const scanService = await benchScanService({
      store,
      catalog: catalogServiceMock({ entities }),
      concurrency: 4,
    });
    const events = DefaultEventsService.create({ logger: quietLogger });
    await new PushEventRescans({
      discover: () => scanService.discover(),
      requestScans: refs => scanService.requestScans(refs),
      logger: quietLogger,
    }).subscribe(events);

    console.log(
      `Container scorecard push benchmark: ${PUSHES} pushes over ${ENTITIES} entities, PostgreSQL`,
    );
    let start = performance.now();
    if (plan.start === 'seed') {
      await seedScaleStore(
        { knex, location: url.toString(), drop: async () => {} },
        { count: ENTITIES, historyDays: 0, github },
      );
    } else {
      await scanService.scanAll();
    }
    console.log(
      `  ${plan.start === 'seed' ? 'seeded store' : 'first full scan'}: ${(
        (performance.now() - start) /
        1000
      ).toFixed(1)} s`,
    );

    const variants = demoRepositoryVariants();
    const latencies: number[] = [];
    const pending: Promise<void>[] = [];
    start = performance.now();
    for (let p = 0; p < PUSHES; p++) {
      // Spread over the catalog: every (N / P)-th repository gets a new commit.
      const i = Math.floor((p * ENTITIES) / PUSHES);
      const sha = `push-${p}`;
      github.repos.set(`bench/svc-${i}`, {
        sha,
        files: variants[(i + 1) % variants.length],
      });
      const pushedAt = performance.now();
      await events.publish({
        topic: 'github.push',
        eventPayload: {
          ref: 'refs/heads/main',
          created: false,
          deleted: false,
          forced: false,
          commits: [
            { added: [], removed: [], modified: ['Dockerfile', 'README.md'] },
          ],
          repository: {
            html_url: `https://github.com/bench/svc-${i}`,
            default_branch: 'main',
          },
        },
        metadata: { 'x-github-event': 'push' },
      });
      pending.push(
        (async () => {
          const ref = `component:default/svc-${i}`;
          while ((await store.getEntitySummary(ref))?.etag !== sha) {
            await new Promise(resolve => setTimeout(resolve, 50));
          }
          latencies.push(performance.now() - pushedAt);
        })(),
      );
      await new Promise(resolve => setTimeout(resolve, PUSH_INTERVAL_MS));
    }
    await Promise.all(pending);
    latencies.sort((a, b) => a - b);
    const p95Ms = percentile(latencies, 95);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(
      `  push to updated scorecard: p50 ${seconds(
        percentile(latencies, 50),
      )}  p95 ${seconds(p95Ms)}  max ${seconds(
        latencies[latencies.length - 1],
      )}  (${PUSHES} pushes in ${seconds(
        performance.now() - start,
      )}; target p95 < 10 s ${p95Ms < P95_TARGET_MS ? 'PASS' : 'MISS'})`,
    );
    // One process here is the whole replica, with the mocked GitHub's repositories beside it.
    const peakRssMb = Math.round(peakRss / 2 ** 20);
    console.log(
      `  target RSS < 1 GiB: peak ${peakRssMb} MB ${
        peakRssMb < 1024 ? 'PASS' : 'MISS'
      }`,
    );
    return { p95Ms, peakRssBytes: peakRss };
  } finally {
    clearInterval(sampler);
    server.close();
    await knex.destroy();
    await admin.raw(`drop database if exists ${name}`);
    await admin.destroy();
  }
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const argument = (name: string) =>
    args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
  // Exits when done: timers of the services it started (heartbeats) would keep it up.
  runPushPhase({
    entities: Number(argument('--entities')) || 10_000,
    pushes: Number(argument('--pushes')) || 100,
    start: args.includes('--seed') ? 'seed' : 'scan',
  }).then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
