/*
 * One replica of the two-replica benchmark phase (bench/replicas.ts starts one or two of these):
 * a process of its own with the plugin's real ScanService on the shared PostgreSQL database, the
 * repositories of one generation served by a mocked GitHub (msw at the network edge, Backstage's
 * real GitHub reader). It works through the scan queue until the sweep it was started for has
 * ended, then prints one JSON line: the entities it scanned and its peak RSS. It prints `ready`
 * once set up, so the sweep's clock does not include a process start.
 */
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory from 'knex';
import { setupServer } from 'msw/node';
import { ScorecardStore } from '../src/database/ScorecardStore';
import { FakeGithub } from '../src/__testUtils__/fakeGithub';
import { benchEntities, serveGeneration } from './benchRepositories';
import {
  benchRepositoryReader,
  benchScanService,
} from './scale/benchScanService';

const args = process.argv.slice(2);
const argument = (name: string) => args[args.indexOf(name) + 1];

async function main() {
  const entities = benchEntities(Number(argument('--entities')));
  // The sweep this replica is for is the first run after this one.
  const after = Number(argument('--after'));
  const github = new FakeGithub();
  serveGeneration(github, entities.length, Number(argument('--generation')));
  const server = setupServer(...github.handlers());
  server.listen({ onUnhandledRequest: 'error' });
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
  try {
    const store = ScorecardStore.fromClient(knex);
    const reader = benchRepositoryReader();
    const scanService = await benchScanService({
      store,
      catalog: catalogServiceMock({ entities }),
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
    server.close();
    await knex.destroy();
  }
  console.log(
    JSON.stringify({ scanned, peakRssMb: Math.round(peakRss / 2 ** 20) }),
  );
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
