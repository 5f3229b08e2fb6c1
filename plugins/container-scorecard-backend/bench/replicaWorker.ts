/*
 * One replica of the two-replica benchmark phase (bench/replicas.ts starts one or two of these):
 * a process of its own with the plugin's real ScanService on the shared PostgreSQL database,
 * reading with Backstage's real GitHub reader from the fake GitHub that bench/replicas.ts serves
 * over HTTP from another process (bench/fakeGithubServer.ts, `--github <base URL>`), so the
 * replica pays for the SCM's round-trips in waiting, not in its own CPU. It works through the
 * scan queue until the sweep it was started for has ended, then prints one JSON line: the
 * entities it scanned, its peak RSS and the CPU time it used. It prints `ready` once set up, so the sweep's clock does
 * not include a process start.
 */
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { ScorecardStore } from '../src/database/ScorecardStore';
import { benchEntities } from './benchRepositories';
import { githubUrlReaderFor } from './fakeGithubServer';
import {
  benchRepositoryReader,
  benchScanService,
} from './scale/benchScanService';

const args = process.argv.slice(2);
const argument = (name: string) => args[args.indexOf(name) + 1];

/**
 * The in-memory test catalog, except that a look-up by refs is answered from an index. A
 * replica resolves every batch it claims by refs, and the test client maps all its entities
 * for each such call: at 10,000 entities that is quadratic work in the sweep, which a real
 * catalog (a primary-key look-up) does not do and which would be counted as the replica's.
 * The entities found are handed to a test client of their own, so filters and field selection
 * are still the test client's.
 */
function catalogWithRefIndex(entities: Entity[]): CatalogService {
  const catalog = catalogServiceMock({ entities });
  const byRef = new Map(entities.map(e => [stringifyEntityRef(e), e]));
  catalog.getEntitiesByRefs = (request, options) =>
    catalogServiceMock({
      entities: request.entityRefs.flatMap(ref => byRef.get(ref) ?? []),
    }).getEntitiesByRefs(request, options);
  return catalog;
}

async function main() {
  const entities = benchEntities(Number(argument('--entities')));
  // The sweep this replica is for is the first run after this one.
  const after = Number(argument('--after'));
  const knex = knexFactory({
    client: 'pg',
    connection: argument('--database'),
    pool: { min: 0, max: 10 },
  });
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 200);
  let scanned = 0;
  // CPU time from here on: what the sweep cost this replica, as against waiting.
  const cpuBefore = process.cpuUsage();
  try {
    const store = ScorecardStore.fromClient(knex);
    const reader = benchRepositoryReader(
      githubUrlReaderFor(argument('--github')),
    );
    const scanService = await benchScanService({
      store,
      catalog: catalogWithRefIndex(entities),
      concurrency: Number(argument('--concurrency')),
      reader: {
        read: (source, options) => {
          scanned += 1;
          return reader.read(source, options);
        },
      },
      replicaId: argument('--replica'),
    });
    console.log('ready');
    // As the scheduled worker would, every 200 ms here, until the sweep has ended.
    for (;;) {
      await scanService.work();
      const last = await store.lastRun();
      if (last && last.id > after) break;
      await new Promise(resolve => setTimeout(resolve, 200));
    }
  } finally {
    clearInterval(sampler);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    await knex.destroy();
  }
  const cpu = process.cpuUsage(cpuBefore);
  console.log(
    JSON.stringify({
      scanned,
      peakRssMb: Math.round(peakRss / 2 ** 20),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
