import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_REPORT_CACHE_TTL_MS } from './ReportCache';

/**
 * `containerScorecard.reports.cacheTtl` in milliseconds: how long a computed organisation report
 * is served again. Zero is allowed (nothing kept); a negative or unreadable value is refused at
 * start-up rather than silently serving stale or uncached reports.
 */
export function readReportCacheTtlMs(config: Config): number {
  const key = 'containerScorecard.reports.cacheTtl';
  if (!config.has(key)) return DEFAULT_REPORT_CACHE_TTL_MS;
  const ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (!(ms >= 0)) {
    throw new Error(
      `${key} must be a duration of zero or more, got ${JSON.stringify(
        config.get(key),
      )}`,
    );
  }
  return ms;
}
