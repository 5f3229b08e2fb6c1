import type { Config } from '@backstage/config';
import { NOTIFICATION_MODES, type NotificationMode } from './detectRegression';

const KEY = 'containerScorecard.notifications.mode';

/** `containerScorecard.notifications.mode`; a value it does not know fails start-up, naming it. */
export function readNotificationMode(config: Config): NotificationMode {
  const mode = config.getOptionalString(KEY) ?? 'all';
  if (!NOTIFICATION_MODES.includes(mode as NotificationMode)) {
    throw new Error(
      `Invalid ${KEY} "${mode}": use one of ${NOTIFICATION_MODES.join(', ')}`,
    );
  }
  return mode as NotificationMode;
}
