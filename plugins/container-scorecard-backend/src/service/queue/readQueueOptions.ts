import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { DEFAULT_CLAIM_TTL_MS } from '../scanning/ScanService';
import { DEFAULT_INDEX_MAX_AGE_MS } from '../events/PushEventRescans';

/** How the replicas share the scan queue and follow push events. */
export interface QueueOptions {
  /** How often each replica's worker looks for due entities. */
  pollIntervalMs: number;
  /** How long a claim lasts unless its replica renews it. */
  claimTtlMs: number;
  /** Whether push events from the SCM event modules rescan what they changed. */
  pushEvents: boolean;
  /** Longest age of the repository-to-entity index before a push rebuilds it. */
  indexMaxAgeMs: number;
}

function duration(config: Config | undefined, key: string, fallback: number) {
  if (!config?.has(key)) return fallback;
  const ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (!(ms > 0)) {
    throw new Error(
      `containerScorecard.${key} must be a positive duration, got ${JSON.stringify(
        config.get(key),
      )}`,
    );
  }
  return ms;
}

/** Reads `containerScorecard.queue` and `containerScorecard.events`; throws with the key at fault. */
export function readQueueOptions(config: Config): QueueOptions {
  const root = config.getOptionalConfig('containerScorecard');
  return {
    pollIntervalMs: duration(root, 'queue.pollInterval', 10_000),
    claimTtlMs: duration(root, 'queue.claimTimeout', DEFAULT_CLAIM_TTL_MS),
    pushEvents: root?.getOptionalBoolean('events.enabled') ?? true,
    indexMaxAgeMs: duration(
      root,
      'events.indexMaxAge',
      DEFAULT_INDEX_MAX_AGE_MS,
    ),
  };
}
