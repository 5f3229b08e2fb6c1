import type { LoggerService } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { RunRecord } from '../../database/types';
import type { DemoHistoryOutcome } from './seedDemoHistory';

/** How long the catalog's entity count must hold still, and how often to look at most. */
const SETTLE_MS = 5_000;
const MAX_SETTLE_CHECKS = 12;

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
  options: { settleMs?: number } = {},
): ScanRunner {
  let pending = true;
  return {
    discover: () => scanService.discover(),
    async scanAll(entities, signal) {
      if (!pending) return scanService.scanAll(entities, signal);
      const given = await settled(
        entities ?? (await scanService.discover()),
        () => scanService.discover(),
        options.settleMs ?? SETTLE_MS,
      );
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

/**
 * The entities once the catalog stops adding to them. The first scan starts as soon as the
 * catalog holds anything, which at start-up can be part of the demo: seeding runs once, and a
 * service it missed would have no past at all.
 */
async function settled(
  first: Entity[],
  discover: () => Promise<Entity[]>,
  settleMs: number,
): Promise<Entity[]> {
  let entities = first;
  for (let check = 0; check < MAX_SETTLE_CHECKS; check++) {
    await new Promise(resolve => setTimeout(resolve, settleMs));
    const again = await discover();
    if (again.length === entities.length) return again;
    entities = again;
  }
  return entities;
}
