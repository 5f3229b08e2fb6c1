import {
  coreServices,
  createBackendModule,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { searchIndexRegistryExtensionPoint } from '@backstage/plugin-search-backend-node/alpha';
import { ScorecardCollatorFactory } from './ScorecardCollatorFactory';

const CONFIG_KEY = 'search.collators.containerScorecard.schedule';

/** Scans run daily by default; indexing every few hours keeps search close behind them. */
const DEFAULT_SCHEDULE = {
  frequency: { hours: 3 },
  timeout: { minutes: 15 },
  initialDelay: { minutes: 1 },
};

/**
 * Search backend module indexing Container Scorecard findings, so searching "docker.sock" finds
 * the services whose containers mount it. Schedule: `search.collators.containerScorecard.schedule`.
 *
 * @public
 */
export const searchModuleContainerScorecardCollator = createBackendModule({
  pluginId: 'search',
  moduleId: 'container-scorecard-collator',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        discovery: coreServices.discovery,
        auth: coreServices.auth,
        logger: coreServices.logger,
        scheduler: coreServices.scheduler,
        indexRegistry: searchIndexRegistryExtensionPoint,
      },
      async init({
        config,
        discovery,
        auth,
        logger,
        scheduler,
        indexRegistry,
      }) {
        const schedule = config.has(CONFIG_KEY)
          ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
              config.getConfig(CONFIG_KEY),
            )
          : DEFAULT_SCHEDULE;
        indexRegistry.addCollator({
          schedule: scheduler.createScheduledTaskRunner(schedule),
          factory: new ScorecardCollatorFactory({ discovery, auth, logger }),
        });
      },
    });
  },
});
