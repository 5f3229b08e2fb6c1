/*
 * Runs the plugin on its own (`npm start` in this folder) against the demo catalog in examples/,
 * with a mocked catalog and mocked auth, so the API can be tried without the whole portal:
 *   curl localhost:7007/api/container-scorecard/report
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { loadDemoCatalog } from '../src/__testUtils__/demoCatalog';

const backend = createBackend();

// Every request is treated as coming from a signed-in user who may do anything.
backend.add(mockServices.auth.factory());
backend.add(mockServices.httpAuth.factory());
backend.add(mockServices.permissions.factory());
backend.add(catalogServiceMock.factory({ entities: loadDemoCatalog() }));

backend.add(import('../src'));

backend.start();
