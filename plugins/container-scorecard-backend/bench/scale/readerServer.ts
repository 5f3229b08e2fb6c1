/*
 * The backend the readers phase measures, as a process of its own so its RSS is its own: the
 * plugin's router over the seeded store, through express and the real HTTP stack, asking the
 * catalog at `--catalog` (catalogServer.ts, another process) over HTTP with the real
 * CatalogClient, as a plugin in a real backend does: the catalog's data is not in this process,
 * only what parsing its answers costs. Prints one JSON line `{"port": N}` when it listens.
 * Exits when its standard input closes (its parent is gone). Run by startReaderServer.ts.
 */
// First: ends this process with its parent, even while the rest loads.
import './exitWithParent';
import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import express from 'express';
import { AddressInfo } from 'node:net';
import { ScorecardStore } from '../../src/database/ScorecardStore';
import { CatalogAccess } from '../../src/service/access/CatalogAccess';
import { toRuleCatalogue } from '../../src/service/mapping/toRuleCatalogue';
import { createRouter } from '../../src/service/router';
import { ScanService } from '../../src/service/scanning/ScanService';
import { connect } from './benchDatabase';
import { quietLogger } from './benchLogger';
import { catalogOverHttp } from './httpCatalog';

const args = process.argv.slice(2);
const argument = (name: string) => args[args.indexOf(name) + 1];

// An orderly exit on SIGTERM, so `node --cpu-prof` can write its profile when profiling a route.
process.on('SIGTERM', () => process.exit(0));

async function main() {
  const knex = connect(argument('--database'));
  const store = ScorecardStore.fromClient(knex);
  const engine = await createNodeScorecardEngine();
  const auth = mockServices.auth();
  const catalog = catalogOverHttp(argument('--catalog'), auth);
  const options = {
    filter: { kind: 'Component' },
    concurrency: 4,
    entityTimeoutMs: 60_000,
    retentionDays: 400,
    maxFileBytes: 1024 * 1024,
  };
  const scanService = new ScanService({
    store,
    engine,
    reader: {
      read: async () => {
        throw new Error('the readers phase scans nothing');
      },
    },
    catalog,
    auth,
    logger: quietLogger,
    options,
  });
  const router = await createRouter({
    logger: quietLogger,
    store,
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
    access: new CatalogAccess(catalog, options.filter),
    scanService,
    ruleCatalogue: toRuleCatalogue(engine, engine.rules),
    rules: new Map(engine.rules.map(rule => [rule.id, rule])),
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
  const listener = app.listen(0, '127.0.0.1', () => {
    console.log(
      JSON.stringify({ port: (listener.address() as AddressInfo).port }),
    );
  });
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
