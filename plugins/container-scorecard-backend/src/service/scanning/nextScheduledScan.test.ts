import { Duration } from 'luxon';
import { nextScheduledScan } from './nextScheduledScan';

const startedUpAt = new Date('2026-11-22T10:00:00Z');
const timeout = { minutes: 30 };

describe('nextScheduledScan', () => {
  it('counts a duration from the start of the last run', () => {
    expect(
      nextScheduledScan({
        schedule: { frequency: { minutes: 30 }, timeout },
        lastStartedAt: new Date('2026-11-22T10:05:00Z'),
        startedUpAt,
        now: new Date('2026-11-22T10:07:00Z'),
      })?.toISOString(),
    ).toBe('2026-11-22T10:35:00.000Z');
  });

  it('accepts luxon durations, as config-read schedules carry', () => {
    expect(
      nextScheduledScan({
        schedule: {
          frequency: Duration.fromISO('PT2H'),
          timeout: Duration.fromISO('PT30M'),
        },
        lastStartedAt: new Date('2026-11-22T10:05:00Z'),
        startedUpAt,
        now: new Date('2026-11-22T10:07:00Z'),
      })?.toISOString(),
    ).toBe('2026-11-22T12:05:00.000Z');
  });

  it('plans the first run at start-up plus the initial delay', () => {
    expect(
      nextScheduledScan({
        schedule: {
          frequency: { hours: 1 },
          timeout,
          initialDelay: { seconds: 10 },
        },
        startedUpAt,
        now: new Date('2026-11-22T10:00:02Z'),
      })?.toISOString(),
    ).toBe('2026-11-22T10:00:10.000Z');
  });

  it('reports a run that is already due as due now, not in the past', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(
      nextScheduledScan({
        schedule: { frequency: { minutes: 30 }, timeout },
        lastStartedAt: new Date('2026-11-22T10:05:00Z'),
        startedUpAt,
        now,
      }),
    ).toEqual(now);
  });

  it('gives the next time of a cron expression after now, in UTC', () => {
    expect(
      nextScheduledScan({
        schedule: { frequency: { cron: '0 3 * * *' }, timeout },
        lastStartedAt: new Date('2026-11-22T03:00:00Z'),
        startedUpAt,
        now: new Date('2026-11-22T10:07:00Z'),
      })?.toISOString(),
    ).toBe('2026-11-23T03:00:00.000Z');
  });

  it('has no next time for a task that only runs when triggered', () => {
    expect(
      nextScheduledScan({
        schedule: { frequency: { trigger: 'manual' }, timeout },
        startedUpAt,
        now: new Date('2026-11-22T10:07:00Z'),
      }),
    ).toBeUndefined();
  });

  it('waits for the lock of a run whose replica died, not "now" throughout', () => {
    const abandoned = {
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 10 } },
      lastStartedAt: new Date('2026-11-22T10:05:00Z'),
      lastRunAbandoned: true,
      startedUpAt,
    };
    expect(
      nextScheduledScan({
        ...abandoned,
        now: new Date('2026-11-22T10:07:00Z'),
      })?.toISOString(),
    ).toBe('2026-11-22T10:15:00.000Z');
    // Past the lock's expiry the task is overdue: any replica may start it now.
    expect(
      nextScheduledScan({
        ...abandoned,
        now: new Date('2026-11-22T10:16:00Z'),
      })?.toISOString(),
    ).toBe('2026-11-22T10:16:00.000Z');
  });
});
