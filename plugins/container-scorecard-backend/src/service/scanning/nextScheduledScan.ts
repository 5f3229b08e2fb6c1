import { SchedulerServiceTaskScheduleDefinition } from '@backstage/backend-plugin-api';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';
import { CronTime } from 'cron';
import { Duration } from 'luxon';

/**
 * When the scheduled scan should next start, worked out the way Backstage's scheduler plans it:
 * a cron expression gives its next time after now; a duration counts from the start of the last
 * run, finished or not (from start-up plus the initial delay before the first run); a manual task
 * has no next time; a run whose replica died delays the next until its lock expires. A time
 * already past means the run is due now, so it is reported as now.
 *
 * The scheduler keeps its plan to itself (its task settings are documented as opaque), so the
 * plan is recomputed here from the same configuration; the stored last run is shared by all
 * replicas, so every replica gives the same answer.
 */
export function nextScheduledScan(options: {
  schedule: SchedulerServiceTaskScheduleDefinition;
  lastStartedAt?: Date;
  /**
   * The last run is unfinished and its process shows no sign of life: its replica died holding
   * the task's global lock, which no other replica can take before the lock expires, at the
   * run's start plus the task timeout. The task is overdue by then, so it starts at once.
   */
  lastRunAbandoned?: boolean;
  startedUpAt: Date;
  now: Date;
}): Date | undefined {
  const { schedule, lastStartedAt, startedUpAt, now } = options;
  const frequency = schedule.frequency;
  if ('trigger' in frequency) return undefined;
  if (options.lastRunAbandoned && lastStartedAt) {
    return new Date(
      Math.max(
        lastStartedAt.getTime() + milliseconds(schedule.timeout),
        now.getTime(),
      ),
    );
  }
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
