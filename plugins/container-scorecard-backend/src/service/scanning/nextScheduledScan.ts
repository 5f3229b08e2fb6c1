import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { CronTime } from 'cron';
import { Duration } from 'luxon';

/**
 * When the scheduled scan should next start, worked out the way Backstage's scheduler plans it:
 * a cron expression gives its next time after now; a duration counts from the start of the last
 * run (from start-up plus the initial delay before the first run); a manual task has no next
 * time. A time already past means the run is due now, so it is reported as now.
 *
 * The scheduler keeps its plan to itself (its task settings are documented as opaque), so the
 * plan is recomputed here from the same configuration; the stored last run is shared by all
 * replicas, so every replica gives the same answer.
 */
export function nextScheduledScan(options: {
  schedule: SchedulerServiceTaskScheduleDefinition;
  lastStartedAt?: Date;
  startedUpAt: Date;
  now: Date;
}): Date | undefined {
  const { schedule, lastStartedAt, startedUpAt, now } = options;
  const frequency = schedule.frequency;
  if ('trigger' in frequency) return undefined;
  if ('cron' in frequency) {
    return new CronTime(frequency.cron).getNextDateFrom(now, 'UTC').toJSDate();
  }
  const planned = lastStartedAt
    ? lastStartedAt.getTime() + milliseconds(frequency)
    : startedUpAt.getTime() +
      (schedule.initialDelay ? milliseconds(schedule.initialDelay) : 0);
  return new Date(Math.max(planned, now.getTime()));
}

function milliseconds(duration: Duration | HumanDuration): number {
  return Duration.isDuration(duration)
    ? duration.toMillis()
    : durationToMilliseconds(duration);
}
