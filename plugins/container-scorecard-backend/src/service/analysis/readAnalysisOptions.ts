import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import {
  defaultAnalysisWorkers,
  type HelmCommandOptions,
} from '@container-scorecard/plugin-container-scorecard-node';

/** `containerScorecard.analysis.*`, with defaults applied. */
export interface AnalysisOptions {
  /** Worker threads that run the engine. */
  workers: number;
  /** Longest time one file's analysis may take before its worker is ended. */
  fileTimeoutMs: number;
  /**
   * Longest time one entity's analysis may take, counted from the moment a worker starts on it
   * (time spent waiting for a free worker does not count). Reading has its own budget,
   * `containerScorecard.entityTimeout`, spent before analysis starts.
   */
  entityTimeoutMs: number;
  /** Heap limit of each worker; a worker that exceeds it is ended. */
  maxOldGenerationSizeMb: number;
  /** A `helm` binary that renders charts instead of the built-in renderer (`containerScorecard.helm`). */
  helm?: HelmCommandOptions;
}

const DEFAULTS = {
  fileTimeoutMs: 10_000,
  entityTimeoutMs: 60_000,
  maxOldGenerationSizeMb: 256,
  helmTimeoutMs: 30_000,
  helmMaxOutputBytes: 4 * 1024 * 1024,
};

function durationMs(config: Config | undefined, key: string, fallback: number) {
  if (!config?.has(key)) return fallback;
  const ms = durationToMilliseconds(readDurationFromConfig(config, { key }));
  if (!(ms > 0)) {
    throw new Error(`containerScorecard.analysis.${key} must be longer than 0`);
  }
  return ms;
}

function wholeNumber(
  config: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(
      `containerScorecard.analysis.${key} must be a whole number ≥ 1`,
    );
  }
  return value;
}

/** Reads and checks the analysis settings; throws with the key at fault. */
export function readAnalysisOptions(config: Config): AnalysisOptions {
  const analysis = config.getOptionalConfig('containerScorecard.analysis');
  return {
    workers: wholeNumber(analysis, 'workers', defaultAnalysisWorkers()),
    fileTimeoutMs: durationMs(analysis, 'fileTimeout', DEFAULTS.fileTimeoutMs),
    entityTimeoutMs: durationMs(
      analysis,
      'entityTimeout',
      DEFAULTS.entityTimeoutMs,
    ),
    maxOldGenerationSizeMb: wholeNumber(
      analysis,
      'maxOldGenerationSizeMb',
      DEFAULTS.maxOldGenerationSizeMb,
    ),
    ...readHelmCommand(config),
  };
}

/** `containerScorecard.helm`: none unless `command` is set. */
function readHelmCommand(config: Config): { helm?: HelmCommandOptions } {
  const helm = config.getOptionalConfig('containerScorecard.helm');
  const command = helm?.getOptionalString('command')?.trim();
  if (!helm || !command) return {};
  let timeoutMs = DEFAULTS.helmTimeoutMs;
  if (helm.has('timeout')) {
    timeoutMs = durationToMilliseconds(
      readDurationFromConfig(helm, { key: 'timeout' }),
    );
    if (!(timeoutMs > 0))
      throw new Error('containerScorecard.helm.timeout must be longer than 0');
  }
  const maxOutputBytes =
    helm.getOptionalNumber('maxOutputBytes') ?? DEFAULTS.helmMaxOutputBytes;
  if (!Number.isInteger(maxOutputBytes) || maxOutputBytes < 1)
    throw new Error(
      'containerScorecard.helm.maxOutputBytes must be a whole number ≥ 1',
    );
  return { helm: { command, timeoutMs, maxOutputBytes } };
}
