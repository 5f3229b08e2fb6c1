import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { eventsServiceRef } from '@backstage/plugin-events-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import {
  containerScorecardPermissions,
  type ScorecardRule,
} from '@container-scorecard/plugin-container-scorecard-common';
import { containerScorecardRulesExtensionPoint } from '@container-scorecard/plugin-container-scorecard-node';
import { registerScorecardActions } from './service/actions';
import { createServices } from './service/createServices';
import { PushEventRescans } from './service/events/PushEventRescans';
import { createRegressionNotifier } from './service/notifications';
import { createRouter } from './service/router';
import { readReportCacheTtlMs } from './service/reports/readReportCacheTtl';
import { nextScheduledScan } from './service/scanning/nextScheduledScan';
import { scheduleScans } from './service/scanning/scheduleScans';
import { withDemoHistory } from './service/demoHistory';

/**
 * Container Scorecard backend plugin: wiring only; the work lives in `service/` and `database/`.
 *
 * @public
 */
export const containerScorecardPlugin = createBackendPlugin({
  pluginId: 'container-scorecard',
  register(env) {
    const extraRules: ScorecardRule[] = [];
    const ruleModules: string[] = [];
    env.registerExtensionPoint(containerScorecardRulesExtensionPoint, {
      addRules: (...rules) => extraRules.push(...rules),
      addRuleModules: (...modules) => ruleModules.push(...modules),
    });

    env.registerInit({
      deps: {
        logger: coreServices.logger,
        lifecycle: coreServices.lifecycle,
        config: coreServices.rootConfig,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        urlReader: coreServices.urlReader,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
        events: eventsServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
      },
      async init(deps) {
        deps.permissionsRegistry.addPermissions(containerScorecardPermissions);
        const startedUpAt = new Date();
        const services = await createServices({
          ...deps,
          extraRules,
          ruleModules,
          onResultStored: await createRegressionNotifier(deps),
        });
        registerScorecardActions(deps.actionsRegistry, {
          ...services,
          now: () => new Date(),
        });
        await scheduleScans({
          scheduler: deps.scheduler,
          schedule: services.options.schedule,
          scanService: services.seedDemoHistory
            ? withDemoHistory(
                services.scanService,
                services.seedDemoHistory,
                deps.logger,
              )
            : services.scanService,
          logger: deps.logger,
          scanWorker: services.scanService,
          workerPollIntervalMs: services.queueOptions.pollIntervalMs,
        });
        if (services.queueOptions.pushEvents) {
          await new PushEventRescans({
            discover: () => services.scanService.discover(),
            requestScans: refs => services.scanService.requestScans(refs),
            logger: deps.logger,
            indexMaxAgeMs: services.queueOptions.indexMaxAgeMs,
          }).subscribe(deps.events);
        }
        deps.httpRouter.use(
          await createRouter({
            ...services,
            logger: deps.logger,
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            reportCacheTtlMs: readReportCacheTtlMs(deps.config),
            nextScanAt: (lastStartedAt, now, { lastRunAbandoned }) =>
              nextScheduledScan({
                schedule: services.options.schedule,
                lastStartedAt,
                lastRunAbandoned,
                startedUpAt,
                now,
              }),
          }),
        );
        // The health route answers load balancers and the frontend without a user token.
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
