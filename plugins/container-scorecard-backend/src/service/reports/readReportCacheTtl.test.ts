import { ConfigReader } from '@backstage/config';
import { readReportCacheTtlMs } from './readReportCacheTtl';

describe('readReportCacheTtlMs', () => {
  const read = (cacheTtl?: unknown) =>
    readReportCacheTtlMs(
      new ConfigReader(
        cacheTtl === undefined
          ? {}
          : { containerScorecard: { reports: { cacheTtl } } },
      ),
    );

  it('defaults to 30 seconds and reads a duration or zero', () => {
    expect(read()).toBe(30_000);
    expect(read({ seconds: 10 })).toBe(10_000);
    expect(read('2m')).toBe(120_000);
    expect(read({ seconds: 0 })).toBe(0);
  });

  it('refuses what is not a duration', () => {
    expect(() => read('soon')).toThrow(/cacheTtl/);
  });
});
