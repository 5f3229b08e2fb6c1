/*
 * Scale benchmark: 10,000 entities whose repositories a mocked GitHub serves (msw at the network
 * edge, Backstage's real GitHub reader), on PostgreSQL.
 *
 * Prints: full scan time, unchanged-rescan time, and p50/p95 latency of the team and report
 * endpoints over 365 days of history. Targets: unchanged rescan < 60 s, endpoints p95 < 200 ms.
 *
 * Needs BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (source scripts/ensure-postgres.sh).
 * Run: npm run bench:scale [-- --entities 2000] [-- --keep-database | --reuse-database NAME]
 * (`--keep-database` leaves the scanned database behind and prints its name; `--reuse-database`
 * skips the scans and the history and measures only the endpoints, for iterating on them).
 */
import { mockServices } from '@backstage/backend-test-utils';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { LoggerService } from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import express from 'express';
import knexFactory, { Knex } from 'knex';
import { setupServer } from 'msw/node';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ScorecardStore } from '../src/database/ScorecardStore';
import { EXAMPLES_DIR } from '../src/__testUtils__/demoCatalog';
import {
  createGithubUrlReader,
  FakeGithub,
} from '../src/__testUtils__/fakeGithub';
import { CatalogAccess } from '../src/service/access/CatalogAccess';
import { toRuleCatalogue } from '../src/service/mapping/toRuleCatalogue';
import { createRepositoryReader } from '../src/service/reading/createRepositoryReader';
import { createRouter } from '../src/service/router';
import { ScanService } from '../src/service/scanning/ScanService';

const args = process.argv.slice(2);
const argument = (name: string) =>
  args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const ENTITIES = Number(argument('--entities')) || 10_000;
const KEEP_DATABASE = args.includes('--keep-database');
const REUSED_DATABASE = argument('--reuse-database');
const DEPARTMENTS = 10;
const TEAMS_PER_DEPARTMENT = 10;
const HISTORY_DAYS = 365;
const SAMPLES = 40;

const quietLogger: LoggerService = {
  info: () => {},
  debug: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
  child: () => quietLogger,
};

/** The demo repositories' files: realistic content, from exemplary to awful. */
function demoRepositoryVariants(): Record<string, string>[] {
  const reposDir = join(EXAMPLES_DIR, 'repos');
  return readdirSync(reposDir).map(repo => {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else
          files[relative(join(reposDir, repo), path)] = readFileSync(
            path,
            'utf8',
          );
      }
    };
    walk(join(reposDir, repo));
    return files;
  });
}

function buildCatalog(): Entity[] {
  const groups: Entity[] = [
    {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: 'org' },
      spec: { type: 'organization', children: [] },
    },
  ];
  for (let d = 0; d < DEPARTMENTS; d++) {
    groups.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Group',
      metadata: { name: `dept-${d}` },
      spec: { type: 'department', parent: 'org', children: [] },
      relations: [{ type: 'childOf', targetRef: 'group:default/org' }],
    });
    for (let t = 0; t < TEAMS_PER_DEPARTMENT; t++) {
      groups.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Group',
        metadata: { name: `team-${d}-${t}` },
        spec: { type: 'team', parent: `dept-${d}`, children: [] },
        relations: [{ type: 'childOf', targetRef: `group:default/dept-${d}` }],
      });
    }
  }
  const components: Entity[] = [];
  for (let i = 0; i < ENTITIES; i++) {
    const team = `team-${i % DEPARTMENTS}-${
      Math.floor(i / DEPARTMENTS) % TEAMS_PER_DEPARTMENT
    }`;
    components.push({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: `svc-${i}`,
        annotations: {
          'backstage.io/source-location': `url:https://github.com/bench/svc-${i}/tree/main/`,
        },
      },
      spec: { type: 'service', owner: team, lifecycle: 'production' },
      relations: [{ type: 'ownedBy', targetRef: `group:default/${team}` }],
    });
  }
  return [...groups, ...components];
}

/**
 * The catalog as the plugin meets it in a real backend. The in-memory test client re-flattens
 * every entity on every query (a real catalog reads its search table instead), which at 10,000
 * entities costs more than the endpoints themselves and would say nothing about them. Here each
 * distinct query is answered by the in-memory client once, field selection included, and every
 * call then parses that answer's JSON afresh: the share of a real catalog's answer that is paid
 * inside the plugin's own process. `time` accumulates what the calls took.
 */
function indexedCatalogStandIn(
  entities: Entity[],
  time: { ms: number },
): CatalogService {
  const inMemory = catalogServiceMock({ entities });
  const answers = new Map<string, Promise<string>>();
  const timed = async <T>(work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      time.ms += performance.now() - start;
    }
  };
  /** The answer to `request`, asked of the in-memory client the first time only. */
  const answer = (request: object, query: () => Promise<unknown>) =>
    timed(async () => {
      const key = JSON.stringify(request);
      if (!answers.has(key)) answers.set(key, query().then(JSON.stringify));
      return JSON.parse(await answers.get(key)!);
    });
  const catalog: Pick<
    CatalogService,
    'getEntities' | 'getEntitiesByRefs' | 'getEntityByRef'
  > = {
    getEntities: (request, options) =>
      answer({ getEntities: request }, () =>
        inMemory.getEntities(request, options),
      ),
    getEntitiesByRefs: (request, options) =>
      answer({ getEntitiesByRefs: request }, () =>
        inMemory.getEntitiesByRefs(request, options),
      ),
    getEntityByRef: (ref, options) =>
      timed(() => inMemory.getEntityByRef(ref, options)),
  };
  return catalog as CatalogService;
}

async function createDatabase(): Promise<{
  knex: Knex;
  drop: () => Promise<void>;
}> {
  const connection =
    process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
  if (!connection) {
    throw new Error(
      'Set BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING (source scripts/ensure-postgres.sh)',
    );
  }
  const name = REUSED_DATABASE ?? `cs_bench_${Date.now()}`;
  if (!/^cs_bench_\d+$/.test(name)) {
    throw new Error(`${name} is not a database this benchmark made`);
  }
  const admin = knexFactory({ client: 'pg', connection });
  if (!REUSED_DATABASE) await admin.raw(`create database ${name}`);
  const url = new URL(connection);
  url.pathname = `/${name}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
  });
  return {
    knex,
    drop: async () => {
      await knex.destroy();
      if (KEEP_DATABASE || REUSED_DATABASE) {
        console.log(`  database kept: --reuse-database ${name}`);
      } else {
        await admin.raw(`drop database if exists ${name}`);
      }
      await admin.destroy();
    },
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function measure(
  baseUrl: string,
  path: string,
  catalogTime: { ms: number },
) {
  // The first request pays for the whole-store aggregates the next ones find cached (30 s).
  const coldStart = performance.now();
  await fetch(`${baseUrl}${path}`).then(r => r.arrayBuffer());
  const cold = performance.now() - coldStart;
  for (let i = 0; i < 2; i++) {
    await fetch(`${baseUrl}${path}`).then(r => r.arrayBuffer());
  }
  const times: number[] = [];
  let status = 0;
  catalogTime.ms = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const start = performance.now();
    const response = await fetch(`${baseUrl}${path}`);
    await response.arrayBuffer();
    times.push(performance.now() - start);
    status = response.status;
  }
  times.sort((a, b) => a - b);
  const catalogMs = catalogTime.ms / SAMPLES;
  console.log(
    `  GET ${path.padEnd(58)} status ${status}  p50 ${percentile(times, 50)
      .toFixed(0)
      .padStart(5)} ms  p95 ${percentile(times, 95)
      .toFixed(0)
      .padStart(5)} ms  first ${cold
      .toFixed(0)
      .padStart(5)} ms  (catalog stand-in: ${catalogMs.toFixed(0)} ms/request)`,
  );
}

/** The full scan, the unchanged rescan, and a year of history, each timed. */
async function scanAndWriteHistory(
  scanService: ScanService,
  store: ScorecardStore,
  knex: Knex,
) {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  let start = performance.now();
  const full = await scanService.scanAll();
  console.log(
    `  full scan:        ${seconds(performance.now() - start)}  (${
      full.files
    } files, ${full.findings} findings, ${full.errors} errors)`,
  );

  start = performance.now();
  const unchanged = await scanService.scanAll();
  console.log(
    `  unchanged rescan: ${seconds(performance.now() - start)}  (${
      unchanged.unchanged
    } unchanged, ${unchanged.errors} errors; target < 60 s)`,
  );

  start = performance.now();
  // A year of daily snapshots around each entity's current score, as a year of scans leaves.
  await knex.raw(`
    insert into container_scorecard_snapshots (entity_ref, day, owner, score, grade, pillar_scores,
      count_critical, count_high, count_medium, count_low, count_info, ruleset_version)
    select e.entity_ref, to_char(current_date - d, 'YYYY-MM-DD'), e.owner,
      greatest(0, least(100, e.score + ((d % 21) - 10))), e.grade, e.pillar_scores,
      e.count_critical, e.count_high, e.count_medium, e.count_low, e.count_info, e.ruleset_version
    from container_scorecard_entities e cross join generate_series(1, ${HISTORY_DAYS}) d
    where e.score is not null
    on conflict do nothing`);
  await store.history.refreshDailyTotals();
  await knex.raw('analyze');
  const [{ n }] = (await knex('container_scorecard_snapshots').count({
    n: '*',
  })) as any;
  console.log(
    `  history:          ${n} snapshots (${HISTORY_DAYS} days) written in ${seconds(
      performance.now() - start,
    )}`,
  );
}

async function main() {
  const { knex, drop } = await createDatabase();
  const github = new FakeGithub();
  const server = setupServer(...github.handlers());
  server.listen({ onUnhandledRequest: 'error' });
  try {
    const variants = demoRepositoryVariants();
    for (let i = 0; i < ENTITIES; i++) {
      github.repos.set(`bench/svc-${i}`, {
        sha: `sha-${i}`,
        files: variants[i % variants.length],
      });
    }
    const entities = buildCatalog();
    const catalogTime = { ms: 0 };
    const catalog = indexedCatalogStandIn(entities, catalogTime);
    const store = await ScorecardStore.create({
      database: mockServices.database({ knex }),
    });
    const engine = await createNodeScorecardEngine();
    const options = {
      filter: { kind: 'Component' },
      concurrency: 16,
      entityTimeoutMs: 60_000,
      retentionDays: 400,
      maxFileBytes: 1024 * 1024,
    };
    const scanService = new ScanService({
      store,
      engine,
      reader: createRepositoryReader({
        urlReader: createGithubUrlReader(),
        localRoots: [],
        maxFileBytes: options.maxFileBytes,
        retry: { attempts: 1, baseDelayMs: 100 },
      }),
      catalog,
      auth: mockServices.auth(),
      logger: quietLogger,
      options,
    });

    console.log(
      `Container scorecard scale benchmark: ${ENTITIES} entities, PostgreSQL`,
    );
    if (REUSED_DATABASE) {
      console.log(`  reusing ${REUSED_DATABASE}: scans and history skipped`);
    } else {
      await scanAndWriteHistory(scanService, store, knex);
    }

    const rules = new Map(engine.rules.map(rule => [rule.id, rule]));
    const router = await createRouter({
      logger: quietLogger,
      store,
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      access: new CatalogAccess(catalog, options.filter),
      scanService,
      ruleCatalogue: toRuleCatalogue(engine, engine.rules),
      rules,
      validateResponses: false,
    });
    const app = express()
      .use(router)
      .use(
        MiddlewareFactory.create({
          config: mockServices.rootConfig(),
          logger: quietLogger,
        }).error(),
      );
    const listener = app.listen(0);
    server.close(); // the endpoints below talk to localhost only
    const baseUrl = `http://127.0.0.1:${
      (listener.address() as AddressInfo).port
    }`;
    console.log(
      `  endpoints (${SAMPLES} sequential requests each, after the first and 2 more; target p95 < 200 ms):`,
    );
    await measure(
      baseUrl,
      '/teams/default/team-3-7/scorecard?days=90',
      catalogTime,
    );
    await measure(
      baseUrl,
      '/teams/default/dept-3/scorecard?days=90&sort=score',
      catalogTime,
    );
    await measure(
      baseUrl,
      '/teams/default/org/scorecard?days=365&sort=trend&order=desc',
      catalogTime,
    );
    await measure(baseUrl, '/report?days=90', catalogTime);
    await measure(baseUrl, '/report?days=365', catalogTime);
    await measure(
      baseUrl,
      '/report?days=30&group=group%3Adefault%2Fdept-2',
      catalogTime,
    );
    listener.close();
  } finally {
    server.close();
    await drop();
  }
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
