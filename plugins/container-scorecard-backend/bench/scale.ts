/*
 * Scale benchmark: the read routes, scanning and push freshness at an organisation's size, in
 * phases (all by default, or `--phases scan,readers,100k,replicas,push`):
 *
 * - scan:     10,000 entities scanned for real (mocked GitHub at the network edge, Backstage's
 *             real GitHub reader), rescanned unchanged (target < 60 s), and a year of history.
 * - readers:  20 and 50 concurrent clients for 30 s each against the entity scorecard, team
 *             scorecard, report and CSV export routes of a backend process of its own (the
 *             plugin's router through express and the real HTTP stack), on the scan phase's
 *             database, or on a seeded one when that phase is not run. Prints requests/s,
 *             p50/p95/p99 and the backend's peak RSS per route and client count. Target on
 *             PostgreSQL with 10,000 entities: p95 < 300 ms on every route at 50 clients.
 * - 100k:     100,000 entities seeded in bulk (the demo repositories scanned for real, their
 *             stored results cloned in batches), 30 days of history, the same routes measured.
 * - replicas: bench/replicas.ts: a full scan of 10,000 changed entities with one replica
 *             process and with two (target: two take <= 0.6 of one's time), reading from a fake
 *             GitHub over HTTP that answers each request after --scm-latency-ms (default 100).
 * - push:     bench/pushLatency.ts: 100 GitHub pushes to updated scorecards over 10,000 entities
 *             (target p95 < 10 s), after seeding the store (`--push-start scan` scans it first).
 * Every phase checks RSS < 1 GiB per replica.
 *
 * Needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (source scripts/ensure-postgres.sh).
 * Run: npm run bench:scale [-- --quick] [-- --phases readers,100k] [-- --database sqlite]
 *   sizes: --entities, --history-days, --clients 20,50, --duration <s>, --large-entities,
 *   --large-history-days, --large-clients, --replica-entities, --concurrency, --scm-latency-ms,
 *   --push-entities, --pushes, --push-start seed|scan; --keep-database / --reuse-database NAME
 *   keep or reuse the readers' database.
 */
import { availableParallelism, loadavg } from 'node:os';
import { runPushPhase } from './pushLatency';
import { runReplicasPhase } from './replicas';
import {
  BenchDatabase,
  createPostgresDatabase,
  createSqliteDatabase,
} from './scale/benchDatabase';
import { runReadersPhase } from './scale/readersPhase';
import { readScaleOptions, ScaleOptions } from './scale/scaleOptions';
import { runScanPhase } from './scale/scanPhase';
import { seedScaleStore } from './scale/seedScaleStore';
import { startReaderServer } from './scale/startReaderServer';

function createDatabase(options: ScaleOptions, reuse = false) {
  if (options.database === 'sqlite') return createSqliteDatabase();
  return createPostgresDatabase(
    reuse ? { reuse: options.reuseDatabase, keep: options.keepDatabase } : {},
  );
}

/** Starts a reader backend over `db`, runs the readers phase against it, and stops it. */
async function measureReaders(
  db: BenchDatabase,
  entities: number,
  run: Omit<Parameters<typeof runReadersPhase>[0], 'server' | 'entities'>,
) {
  const server = await startReaderServer(db.location, entities);
  try {
    await runReadersPhase({ server, entities, ...run });
  } finally {
    server.stop();
  }
}

async function main() {
  const options = readScaleOptions(process.argv.slice(2));
  const { phases } = options;
  console.log(
    `Container scorecard scale benchmark, ${new Date().toISOString()}: phases ${[
      ...phases,
    ].join(', ')}; ${options.database}; ${availableParallelism()} cores, ` +
      `load average ${loadavg()
        .map(n => n.toFixed(1))
        .join(' ')}`,
  );

  if (phases.has('scan') || phases.has('readers')) {
    const db = await createDatabase(options, true);
    try {
      if (options.reuseDatabase) {
        console.log(`scan: reusing ${options.reuseDatabase}, nothing written`);
      } else if (phases.has('scan')) {
        console.log(`scan: ${options.entities} entities`);
        await runScanPhase(db, {
          count: options.entities,
          historyDays: options.historyDays,
          concurrency: 16,
        });
      } else {
        console.log(`seeding ${options.entities} entities for the readers`);
        await seedScaleStore(db, {
          count: options.entities,
          historyDays: options.historyDays,
        });
      }
      if (phases.has('readers')) {
        console.log(
          `readers: ${options.entities} entities, ${
            options.durationMs / 1000
          } s per route and client count`,
        );
        await measureReaders(db, options.entities, {
          days: 90,
          clients: options.clients,
          durationMs: options.durationMs,
          targetApplies:
            options.database === 'postgres' && options.entities >= 10_000,
        });
      }
    } finally {
      await db.drop();
    }
  }

  if (phases.has('100k')) {
    console.log(`large: ${options.largeEntities} entities`);
    const db = await createDatabase(options);
    try {
      await seedScaleStore(db, {
        count: options.largeEntities,
        historyDays: options.largeHistoryDays,
      });
      await measureReaders(db, options.largeEntities, {
        days: options.largeHistoryDays,
        clients: options.largeClients,
        durationMs: options.durationMs,
        targetApplies: false,
      });
    } finally {
      await db.drop();
    }
  }

  if (phases.has('replicas')) {
    console.log(
      `replicas: ${options.replicaEntities} changed entities, SCM latency ${options.scmLatencyMs} ms`,
    );
    await runReplicasPhase({
      entities: options.replicaEntities,
      concurrency: options.concurrency,
      scmLatencyMs: options.scmLatencyMs,
    });
  }

  if (phases.has('push')) {
    console.log(
      `push: ${options.pushes} pushes over ${options.pushEntities} entities`,
    );
    await runPushPhase({
      entities: options.pushEntities,
      pushes: options.pushes,
      start: options.pushStart,
    });
  }
}

// Exits when done: timers of the services it started (cache expiry, heartbeats) would keep it up.
main().then(
  () => process.exit(0),
  error => {
    console.error(error);
    process.exit(1);
  },
);
