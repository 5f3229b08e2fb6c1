import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ScanService } from './ScanService';

/** The catalog ingests its locations a few seconds after start-up; wait up to two minutes. */
const EMPTY_CATALOG_RETRIES = 24;
const EMPTY_CATALOG_WAIT_MS = 5_000;

/**
 * Registers the scan as a global task (one runner across replicas). The first run comes soon
 * after start-up; if the catalog has not ingested anything yet it waits and asks again, so a
 * newcomer to the demo sees scores within a minute instead of after a full schedule period.
 */
export async function scheduleScans(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scanService: Pick<ScanService, 'discover' | 'scanAll'>;
  logger: LoggerService;
  emptyCatalogWaitMs?: number;
}): Promise<void> {
  const { scheduler, schedule, scanService, logger } = options;
  const waitMs = options.emptyCatalogWaitMs ?? EMPTY_CATALOG_WAIT_MS;
  let firstRun = true;

  await scheduler.scheduleTask({
    id: 'container-scorecard-scan',
    scope: 'global',
    ...schedule,
    fn: async signal => {
      let entities = await scanService.discover();
      for (
        let attempt = 0;
        firstRun && entities.length === 0 && attempt < EMPTY_CATALOG_RETRIES;
        attempt++
      ) {
        if (signal?.aborted) return;
        logger.info('Container scorecard: the catalog is still empty, waiting');
        await new Promise(resolve => setTimeout(resolve, waitMs));
        entities = await scanService.discover();
      }
      firstRun = false;
      // The signal aborts at the task's timeout: the run stops starting entities and ends, so
      // the lock is released on time and the next run carries on where this one stopped.
      await scanService.scanAll(entities, signal);
    },
  });
}
