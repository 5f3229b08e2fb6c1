import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { RunRecord } from '../../database/types';
import type { DemoHistoryOutcome } from './seedDemoHistory';

/** What the scan schedule calls. */
export interface ScanRunner {
  discover(): Promise<Entity[]>;
  scanAll(entities?: Entity[], signal?: AbortSignal): Promise<RunRecord>;
}

/**
 * The scan schedule's runner with the demo's past seeded before its first run: inside the
 * scheduled task, so one replica seeds while holding the task's lock and no scan of today can
 * land between two revisions. Seeding that fails is logged and the normal scan goes on.
 */
export function withDemoHistory(
  scanService: ScanRunner,
  seed: (
    entities: Entity[],
    signal?: AbortSignal,
  ) => Promise<DemoHistoryOutcome>,
  logger: LoggerService,
): ScanRunner {
  let pending = true;
  return {
    discover: () => scanService.discover(),
    async scanAll(entities, signal) {
      if (!pending) return scanService.scanAll(entities, signal);
      const given = entities ?? (await scanService.discover());
      // An empty catalog has nothing to seed yet; the next run tries again.
      if (given.length > 0) {
        pending = false;
        try {
          const outcome = await seed(given, signal);
          logger.info(
            outcome.seeded
              ? `Container scorecard demo: seeded ${outcome.revisions} revisions of ` +
                  `${outcome.entities} services over ${outcome.days} days`
              : `Container scorecard demo: history not seeded, ${outcome.reason}`,
          );
        } catch (error) {
          logger.error(
            `Container scorecard demo: seeding the history failed: ${error}`,
          );
        }
      }
      return scanService.scanAll(given, signal);
    },
  };
}
