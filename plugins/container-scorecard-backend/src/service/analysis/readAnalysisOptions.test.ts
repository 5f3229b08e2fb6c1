import { ConfigReader } from '@backstage/config';
import { availableParallelism } from 'node:os';
import { readAnalysisOptions } from './readAnalysisOptions';

describe('readAnalysisOptions', () => {
  it('defaults to one worker less than the cores, 10 s per file and 60 s per entity', () => {
    expect(readAnalysisOptions(new ConfigReader({}))).toEqual({
      workers: Math.max(1, availableParallelism() - 1),
      fileTimeoutMs: 10_000,
      entityTimeoutMs: 60_000,
      maxOldGenerationSizeMb: 256,
    });
  });

  it('reads every key, durations in either form', () => {
    const config = new ConfigReader({
      containerScorecard: {
        entityTimeout: { seconds: 5 },
        analysis: {
          workers: 3,
          fileTimeout: { milliseconds: 2500 },
          entityTimeout: 'PT2M',
          maxOldGenerationSizeMb: 256,
        },
      },
    });

    expect(readAnalysisOptions(config)).toEqual({
      workers: 3,
      fileTimeoutMs: 2_500,
      entityTimeoutMs: 120_000,
      maxOldGenerationSizeMb: 256,
    });
  });

  it.each([
    [{ workers: 0 }, /analysis.workers must be a whole number/],
    [{ workers: 1.5 }, /analysis.workers must be a whole number/],
    [{ maxOldGenerationSizeMb: -1 }, /maxOldGenerationSizeMb must be/],
    [{ fileTimeout: { seconds: 0 } }, /analysis.fileTimeout must be longer/],
  ])('refuses %j', (analysis, message) => {
    const config = new ConfigReader({ containerScorecard: { analysis } });
    expect(() => readAnalysisOptions(config)).toThrow(message);
  });
});
