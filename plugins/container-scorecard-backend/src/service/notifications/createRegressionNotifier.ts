import type {
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { Config } from '@backstage/config';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { NotificationStateStore } from '../../database/NotificationStateStore';
import type { ScanResultListener } from '../scanning/ScanResultListener';
import { detectRegression, severeFindings } from './detectRegression';
import { formatRegressionNotification } from './formatRegressionNotification';
import { readNotificationMode } from './readNotificationMode';

/**
 * Tells an entity's owner (through Backstage notifications) when a stored result lowers its grade
 * or brings critical or high findings the owner was not told about, as
 * `containerScorecard.notifications.mode` asks. Undefined when the mode is `off`.
 *
 * Each analysed result is compared with what the owner was last notified against (kept per
 * entity in the database), which is then brought up to the result, so an unchanged result
 * scanned again never notifies twice. When sending fails that state stays behind, and the next
 * scan tries again.
 */
export async function createRegressionNotifier(options: {
  config: Config;
  database: DatabaseService;
  notifications: NotificationService;
  logger: LoggerService;
  /** Test seam: an already-migrated store. */
  states?: NotificationStateStore;
}): Promise<ScanResultListener | undefined> {
  const mode = readNotificationMode(options.config);
  if (mode === 'off') return undefined;
  const states =
    options.states ??
    (await NotificationStateStore.create({ database: options.database }));

  return async ({ result, previous }) => {
    // Only a graded result says how things stand; a failed or empty one leaves the state alone.
    if (result.status !== 'analysed' || !result.grade) return;
    if (result.score === undefined) return;
    const findings = severeFindings(result.files);
    const state = await states.get(result.entityRef);
    const regression = detectRegression({
      mode,
      state,
      previousGrade: previous?.grade,
      previousScore: previous?.score,
      // A failed last attempt still has the counts of the last good result.
      previousCounts: previous?.grade ? previous.counts : undefined,
      grade: result.grade,
      score: result.score,
      findings,
    });
    const owner = ownerRef(result.owner);
    if (regression && owner) {
      await options.notifications.send({
        recipients: { type: 'entity', entityRef: owner },
        payload: formatRegressionNotification({
          entityRef: result.entityRef,
          title: result.title,
          regression,
        }),
      });
    } else if (regression) {
      options.logger.info(
        `Container scorecard: ${result.entityRef} regressed but has no owner to notify`,
      );
    }
    await states.put(result.entityRef, {
      grade: result.grade,
      score: result.score,
      findings: [...findings.keys()],
      updatedAt: result.analysedAt,
    });
  };
}

function ownerRef(owner: string | undefined): string | undefined {
  if (!owner) return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
