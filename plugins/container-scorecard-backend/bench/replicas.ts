/*
 * Two-replica phase of the scale benchmark: the full-scan time of N changed entities with one
 * replica, then with two, in the same run. Each replica is a process of its own
 * (bench/replicaWorker.ts) with the plugin's real ScanService on one PostgreSQL database; this
 * process only starts the sweeps, as the scheduled task does. Every sweep follows a change of
 * every repository, so each one reads and analyses all N.
 *
 * The replicas read over real HTTP from a fake GitHub in a process of its own
 * (bench/fakeGithubServer.ts) that answers each request after `--scm-latency-ms` (default 100):
 * what replicas share in a deployment is the wait on the SCM, a commit status and a tarball per
 * repository, and that wait is what a second replica overlaps. At 0 the sweep is CPU only.
 *
 * Before the two measured sweeps the store is seeded in bulk with every entity's result
 * (bench/scale/seedScaleStore.ts) rather than by a first full scan: the measured sweeps then
 * replace stored results as a deployment's do, and the phase spends no sweep on a warm-up.
 *
 * Target (10,000 entities): two replicas take at most 0.6 of the time of one. On a shared
 * machine with fewer free cores than replicas the ratio says little; the core count and the
 * load are printed.
 *
 * Needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (source scripts/ensure-postgres.sh).
 * Run: npm run bench:replicas [-- --entities 10000 --concurrency 4 --scm-latency-ms 100], or as
 * a phase of bench:scale (`--phases replicas`), which calls `runReplicasPhase`.
 */
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ChildProcess, spawn } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import knexFactory from 'knex';
import { ScorecardStore } from '../src/database/ScorecardStore';
import { benchEntities } from './benchRepositories';
import { FakeGithubProcess, startFakeGithubProcess } from './fakeGithubServer';
import { benchScanService } from './scale/benchScanService';
import { seedScaleStore } from './scale/seedScaleStore';

/** The target: two replicas finish a full scan in at most this share of one replica's time. */
const RATIO_TARGET = 0.6;

/** The SCM's round-trip time the phase models unless told otherwise. */
export const DEFAULT_SCM_LATENCY_MS = 100;

interface ReplicaPlan {
  entities: number;
  concurrency: number;
  /** Milliseconds the fake GitHub takes to answer each request. */
  scmLatencyMs?: number;
}

/** Starts a replica and resolves once it is ready; `done` resolves with its report. */
function startReplica(
  plan: ReplicaPlan,
  id: string,
  database: string,
  github: string,
  after: number,
): Promise<{ child: ChildProcess; done: Promise<string> }> {
  const child = spawn(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      join(__dirname, 'replicaWorker.ts'),
      ...['--entities', String(plan.entities)],
      ...['--github', github],
      ...['--database', database, '--replica', id, '--after', String(after)],
      ...['--concurrency', String(plan.concurrency)],
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const done = new Promise<string>((finish, fail) => {
      child.on('exit', code =>
        code === 0
          ? finish(output.trim().split('\n').at(-1) ?? '')
          : fail(new Error(`replica ${id} exited with ${code}`)),
      );
    });
    done.catch(reject);
    child.stdout!.on('data', chunk => {
      output += chunk;
      if (output.includes('ready')) resolve({ child, done });
    });
  });
}

/** What the two-replica phase measured. */
export interface ReplicasOutcome {
  scmLatencyMs: number;
  oneReplicaMs: number;
  twoReplicasMs: number;
  ratio: number;
  peakRssBytes: number;
}

/**
 * The two-replica phase: a store seeded with `entities` results, then one replica and two
 * replicas each sweeping them all changed, on a database of its own, reading from a fake GitHub
 * with `scmLatencyMs` per request. Prints each sweep and the ratio's and RSS's verdicts.
 */
export async function runReplicasPhase(
  plan: ReplicaPlan,
): Promise<ReplicasOutcome> {
  const ENTITIES = plan.entities;
  const CONCURRENCY = plan.concurrency;
  const LATENCY_MS = plan.scmLatencyMs ?? DEFAULT_SCM_LATENCY_MS;
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
  const children: ChildProcess[] = [];
  let github: FakeGithubProcess | undefined;
  try {
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const entities = benchEntities(ENTITIES);
    // Starts sweeps only: its signal is aborted, so it claims nothing itself.
    const sweeper = await benchScanService({
      store,
      catalog: catalogServiceMock({ entities }),
      concurrency: CONCURRENCY,
      reader: {
        read: async () => {
          throw new Error('the sweeper reads nothing');
        },
      },
    });
    const stopped = new AbortController();
    stopped.abort();

    console.log(
      `Container scorecard two-replica benchmark: ${ENTITIES} changed entities, PostgreSQL, ` +
        `concurrency ${CONCURRENCY} per replica, SCM latency ${LATENCY_MS} ms per request ` +
        `(fake GitHub over HTTP, a process of its own), ${availableParallelism()} cores, ` +
        `load average ${loadavg()[0].toFixed(1)} before the start`,
    );
    await seedScaleStore(
      { knex, location: url.toString(), drop: async () => {} },
      { count: ENTITIES, historyDays: 0 },
    );
    github = await startFakeGithubProcess({
      entities: ENTITIES,
      latencyMs: LATENCY_MS,
    });
    // The seeded results name the templates' commits; each generation names a new commit for
    // every repository, so each measured sweep reads and analyses all of them.
    const rounds = [
      { replicas: 1, label: 'one replica', generation: 1 },
      { replicas: 2, label: 'two replicas', generation: 2 },
    ];
    const durations: number[] = [];
    let peakRssMb = 0;
    for (const round of rounds) {
      await github.serveGeneration(round.generation);
      const requestsBefore = await github.requests();
      const after = (await store.latestRun())?.id ?? 0;
      const started = await Promise.all(
        Array.from({ length: round.replicas }, (_, i) =>
          startReplica(
            plan,
            `replica-${i + 1}`,
            url.toString(),
            github!.url,
            after,
          ),
        ),
      );
      children.push(...started.map(s => s.child));
      await sweeper.scanAll(entities, stopped.signal);
      const reports = (await Promise.all(started.map(s => s.done))).map(
        line =>
          JSON.parse(line) as {
            scanned: number;
            peakRssMb: number;
            cpuMs: number;
          },
      );
      peakRssMb = Math.max(peakRssMb, ...reports.map(r => r.peakRssMb));
      const run = (await store.lastRun())!;
      const requests = await github.requests();
      durations.push(run.durationMs ?? NaN);
      console.log(
        `  ${round.label.padEnd(14)} ${((run.durationMs ?? NaN) / 1000)
          .toFixed(1)
          .padStart(7)} s  ${run.entities} entities, ${run.errors} errors, ` +
          `${requests.status - requestsBefore.status} status and ` +
          `${requests.tarball - requestsBefore.tarball} tarball requests; ` +
          `per replica: ${reports
            .map(
              r =>
                `${r.scanned} scanned, CPU ${(r.cpuMs / 1000).toFixed(
                  1,
                )} s, peak RSS ${r.peakRssMb} MB`,
            )
            .join(' | ')}; load average ${loadavg()
            .map(n => n.toFixed(1))
            .join(' ')}`,
      );
    }
    const ratio = durations[1] / durations[0];
    console.log(
      `  two replicas / one: ${ratio.toFixed(
        2,
      )} (target <= ${RATIO_TARGET.toFixed(2)} at 10,000 entities) ${
        ratio <= RATIO_TARGET ? 'PASS' : 'MISS'
      }`,
    );
    console.log(
      `  target RSS < 1 GiB per replica: peak ${peakRssMb} MB ${
        peakRssMb < 1024 ? 'PASS' : 'MISS'
      }`,
    );
    return {
      scmLatencyMs: LATENCY_MS,
      oneReplicaMs: durations[0],
      twoReplicasMs: durations[1],
      ratio,
      peakRssBytes: peakRssMb * 2 ** 20,
    };
  } finally {
    for (const child of children)
      if (child.exitCode === null) child.kill('SIGKILL');
    github?.stop();
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
  runReplicasPhase({
    entities: Number(argument('--entities')) || 10_000,
    concurrency: Number(argument('--concurrency')) || 4,
    scmLatencyMs: argument('--scm-latency-ms')
      ? Number(argument('--scm-latency-ms'))
      : undefined,
  }).then(
    () => process.exit(0),
    error => {
      console.error(error);
      process.exit(1);
    },
  );
}
