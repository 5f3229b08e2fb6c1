import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config, readDurationFromConfig } from '@backstage/config';
import type { ScorecardConfig } from '@container-scorecard/plugin-container-scorecard-common';
import { durationToMilliseconds } from '@backstage/types';
import { resolve as resolvePath } from 'node:path';
import { DEFAULT_READ_LIMITS } from './reading/readLimits';

/** Which catalog entities are scanned; the catalog's own filter syntax. */
export type ScopeFilter =
  | Record<string, string | string[]>
  | Record<string, string | string[]>[];

/** Everything the plugin reads from `containerScorecard.*`, with defaults applied. */
export interface ScorecardOptions {
  schedule: SchedulerServiceTaskScheduleDefinition;
  filter: ScopeFilter;
  /** Passed to the engine, which validates it. */
  engineConfig: ScorecardConfig;
  retentionDays: number;
  concurrency: number;
  entityTimeoutMs: number;
  /** Absolute directories `file:` locations may be read from; none means no local reading. */
  localRoots: string[];
  /** Files above this size are reported as "could not analyse" without being fetched. */
  maxFileBytes: number;
  /** Entries (files and directories) looked at per repository; beyond them the result is partial. */
  maxRepositoryFiles: number;
  /** Bytes of file content read per entity, all files together; beyond them the result is partial. */
  maxEntityBytes: number;
  retry: { attempts: number; baseDelayMs: number };
}

/**
 * The first sweep starts soon after start-up so a newcomer sees scores within a minute. The
 * timeout is also how long the task's global lock outlives a replica that dies mid-sweep, so it
 * is short: a sweep that reaches it stops claiming on that replica and the other replicas' workers
 * carry it on (see the README's "Scheduling, replicas and crash recovery").
 */
const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 30 },
  timeout: { minutes: 10 },
  initialDelay: { seconds: 10 },
};

/** Reads and checks the plugin's configuration; throws with the key at fault. */
export function readScorecardOptions(config: Config): ScorecardOptions {
  const root = config.getOptionalConfig('containerScorecard');
  const schedule = root?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        root.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;

  const filter = (root?.getOptional('scope.filter') as ScopeFilter) ?? {
    kind: 'Component',
  };

  const engineConfig: ScorecardConfig = {};
  if (root?.has('rules')) engineConfig.rules = root.getOptional('rules');
  if (root?.has('trustedRegistries')) {
    engineConfig.trustedRegistries = root.getStringArray('trustedRegistries');
  }
  if (root?.has('waivers')) engineConfig.waivers = root.getOptional('waivers');
  if (root?.has('limits')) {
    // The reading limits are the backend's own: the engine rejects limits it does not know.
    const { maxRepositoryFiles, maxEntityBytes, ...engineLimits } =
      root.getOptional<Record<string, unknown>>('limits') ?? {};
    engineConfig.limits = engineLimits as ScorecardConfig['limits'];
  }

  const entityTimeoutMs = root?.has('entityTimeout')
    ? durationToMilliseconds(
        readDurationFromConfig(root, { key: 'entityTimeout' }),
      )
    : 60_000;

  const concurrency = root?.getOptionalNumber('concurrency') ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new Error(
      'containerScorecard.concurrency must be a whole number ≥ 1',
    );
  }
  const retentionDays = root?.getOptionalNumber('retentionDays') ?? 400;
  if (!Number.isInteger(retentionDays) || retentionDays < 1) {
    throw new Error(
      'containerScorecard.retentionDays must be a whole number ≥ 1',
    );
  }

  return {
    schedule,
    filter,
    engineConfig,
    retentionDays,
    concurrency,
    entityTimeoutMs,
    localRoots: (root?.getOptionalStringArray('localRoots') ?? []).map(dir =>
      resolvePath(dir),
    ),
    maxFileBytes: root?.getOptionalNumber('limits.maxFileBytes') ?? 1024 * 1024,
    maxRepositoryFiles: readPositiveInteger(
      root,
      'limits.maxRepositoryFiles',
      DEFAULT_READ_LIMITS.maxRepositoryFiles,
    ),
    maxEntityBytes: readPositiveInteger(
      root,
      'limits.maxEntityBytes',
      DEFAULT_READ_LIMITS.maxEntityBytes,
    ),
    retry: {
      attempts: root?.getOptionalNumber('retry.attempts') ?? 3,
      baseDelayMs: root?.getOptionalNumber('retry.baseDelayMs') ?? 1000,
    },
  };
}

function readPositiveInteger(
  root: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = root?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`containerScorecard.${key} must be a whole number ≥ 1`);
  }
  return value;
}
