import { ConfigReader } from '@backstage/config';
import { readQueueOptions } from './readQueueOptions';

describe('readQueueOptions', () => {
  it('has defaults that recover a dead replica within the run heartbeat window', () => {
    expect(readQueueOptions(new ConfigReader({}))).toEqual({
      pollIntervalMs: 10_000,
      claimTtlMs: 60_000,
      pushEvents: true,
      indexMaxAgeMs: 300_000,
    });
  });

  it('reads durations as objects or strings, and push events can be turned off', () => {
    const options = readQueueOptions(
      new ConfigReader({
        containerScorecard: {
          queue: { pollInterval: { seconds: 3 }, claimTimeout: '2m' },
          events: { enabled: false, indexMaxAge: { minutes: 1 } },
        },
      }),
    );
    expect(options).toEqual({
      pollIntervalMs: 3_000,
      claimTtlMs: 120_000,
      pushEvents: false,
      indexMaxAgeMs: 60_000,
    });
  });

  it('refuses a duration that is not positive, naming the key', () => {
    expect(() =>
      readQueueOptions(
        new ConfigReader({
          containerScorecard: { queue: { claimTimeout: { seconds: 0 } } },
        }),
      ),
    ).toThrow(/containerScorecard\.queue\.claimTimeout/);
  });
});
