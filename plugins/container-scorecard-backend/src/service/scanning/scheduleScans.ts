import {
  LoggerService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { ScanService } from './ScanService';

/** The catalog ingests its locations a few seconds after start-up; wait up to two minutes. */
const EMPTY_CATALOG_RETRIES = 24;
const EMPTY_CATALOG_WAIT_MS = 5_000;

/** How often each replica's worker looks for due entities unless configured. */
export const DEFAULT_WORKER_POLL_MS = 10_000;

/**
 * Registers the sweep as a global task (one replica at a time starts it) and the scan worker as
 * a local one (every replica runs its own): the sweep makes every entity due in the shared queue,
 * and every replica's worker claims due entities in small batches, pushes and rescans first. The
 * first sweep comes soon after start-up; if the catalog has not ingested anything yet it waits
 * and asks again, so a newcomer to the demo sees scores within a minute instead of after a full
 * schedule period.
 */
export async function scheduleScans(options: {
  scheduler: SchedulerService;
  schedule: SchedulerServiceTaskScheduleDefinition;
  scanService: Pick<ScanService, 'discover' | 'scanAll'>;
  logger: LoggerService;
  emptyCatalogWaitMs?: number;
  /** Works through the shared queue on this replica (the `ScanService` itself). */
  scanWorker: Pick<ScanService, 'work'>;
  workerPollIntervalMs?: number;
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

  await scheduler.scheduleTask({
    id: 'container-scorecard-scan-worker',
    scope: 'local',
    frequency: {
      milliseconds: options.workerPollIntervalMs ?? DEFAULT_WORKER_POLL_MS,
    },
    timeout: schedule.timeout,
    // A dead replica's claims lapse and the others' workers take its entities.
    fn: signal => options.scanWorker.work(signal),
  });
}
