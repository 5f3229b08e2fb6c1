import { ConfigReader } from '@backstage/config';
import { validateScorecardConfig } from '@container-scorecard/plugin-container-scorecard-common';
import { readScorecardOptions } from '../readScorecardOptions';

describe('reading limits in containerScorecard.limits', () => {
  it('defaults to 20,000 entries and 20 MiB per entity', () => {
    const options = readScorecardOptions(new ConfigReader({}));
    expect(options.maxRepositoryFiles).toBe(20_000);
    expect(options.maxEntityBytes).toBe(20 * 1024 * 1024);
  });

  it('reads them, and keeps them away from the engine, which rejects limits it does not know', () => {
    const options = readScorecardOptions(
      new ConfigReader({
        containerScorecard: {
          limits: {
            maxRepositoryFiles: 500,
            maxEntityBytes: 1000,
            maxFileBytes: 100,
          },
        },
      }),
    );
    expect(options.maxRepositoryFiles).toBe(500);
    expect(options.maxEntityBytes).toBe(1000);
    expect(options.engineConfig.limits).toEqual({ maxFileBytes: 100 });
    expect(() => validateScorecardConfig(options.engineConfig)).not.toThrow();
  });

  it('names the key at fault', () => {
    expect(() =>
      readScorecardOptions(
        new ConfigReader({
          containerScorecard: { limits: { maxEntityBytes: 0 } },
        }),
      ),
    ).toThrow(
      'containerScorecard.limits.maxEntityBytes must be a whole number ≥ 1',
    );
  });
});
