/*
 * The catalog the readers phase's backend talks to, as a process of its own: the catalog's data
 * lives in the catalog's own database, not in the plugin's heap, so it must not count in the
 * measured backend's RSS. Answers the routes of the catalog's REST API that CatalogClient calls
 * for getEntities, getEntitiesByRefs and getEntityByRef, from the indexed answers of
 * benchCatalog.ts over `--entities` entities (each distinct query computed once, its JSON sent
 * as-is). Prints one JSON line `{"port": N}` when it listens; its base URL is
 * `http://127.0.0.1:N/api/catalog`. Exits when its standard input closes (its parent is gone).
 * Run by startReaderServer.ts.
 */
// First: ends this process with its parent, even while the rest loads.
import './exitWithParent';
import { AddressInfo } from 'node:net';
import { createCatalogServer } from './catalogRoutes';

const args = process.argv.slice(2);
const entities = Number(args[args.indexOf('--entities') + 1]);
const server = createCatalogServer(entities);
process.on('SIGTERM', () => process.exit(0));
server.listen(0, '127.0.0.1', () => {
  console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
});
