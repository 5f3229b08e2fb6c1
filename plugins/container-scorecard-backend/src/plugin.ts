import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { createRouter } from './service/router';
import { ScorecardStore } from './database/ScorecardStore';

/**
 * Container Scorecard backend plugin: wiring only; the work lives in `service/` and `database/`.
 *
 * @public
 */
export const containerScorecardPlugin = createBackendPlugin({
  pluginId: 'container-scorecard',
  register(env) {
    env.registerInit({
      deps: {
        logger: coreServices.logger,
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
      },
      async init({ logger, database, httpRouter }) {
        const store = await ScorecardStore.create({ database });
        httpRouter.use(await createRouter({ logger, store }));
        // The health route answers load balancers and the frontend without a user token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
      },
    });
  },
});
