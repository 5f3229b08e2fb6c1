import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  ScorecardConfig,
  ScorecardEngine,
  RenderOptions,
  ScorecardInputFile,
  ScorecardRule,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  createAnalysisPool,
  type AnalysisTestHooks,
  type EntityAnalysis,
} from '@container-scorecard/plugin-container-scorecard-node';
import { withHelmCommand } from './withHelmCommand';
import type { AnalysisOptions } from './readAnalysisOptions';

/** Analyses one entity's files. */
export interface EntityAnalyzer {
  analyze(
    files: readonly ScorecardInputFile[],
    /** The entity's render choices (Helm values files). */
    renderOptions?: RenderOptions,
  ): Promise<EntityAnalysis>;
  /** Ends the workers (at backend shutdown). */
  close(): Promise<void>;
}

/**
 * Runs the engine on the calling thread: no deadlines, no isolation. Only for tests and
 * benchmarks that measure the engine itself, and for rules added as objects (see below).
 */
export function inProcessAnalyzer(engine: ScorecardEngine): EntityAnalyzer {
  return {
    analyze: async (files, renderOptions) =>
      engine.analyzeRepository(files, undefined, renderOptions),
    close: async () => {},
  };
}

/**
 * The backend's analyzer: a pool of worker threads with per-file and per-entity deadlines, so
 * the event loop that serves the catalog, auth and every other plugin never runs engine work.
 *
 * Rules a module added as objects (`addRules`) hold functions that cannot be sent to a worker;
 * with any of them, analysis falls back to the event loop, loudly. `addRuleModules` keeps the
 * workers.
 */
export function createEntityAnalyzer(deps: {
  options: AnalysisOptions;
  /** The main thread's engine: the same rules and configuration as the workers'. */
  engine: ScorecardEngine;
  engineConfig: ScorecardConfig;
  ruleModules: string[];
  extraRules: readonly ScorecardRule[];
  logger: LoggerService;
  testHooks?: AnalysisTestHooks;
}): EntityAnalyzer {
  const { options, logger } = deps;
  if (deps.extraRules.length > 0) {
    logger.warn(
      `Container scorecard: ${deps.extraRules.length} rule(s) were added with addRules, which ` +
        'cannot run in worker threads: analysis runs on the event loop without deadlines. ' +
        'Add them with addRuleModules instead.',
    );
    return withHelmCommand(
      inProcessAnalyzer(deps.engine),
      options.helm,
      options.entityTimeoutMs,
    );
  }
  const pool = createAnalysisPool({
    workers: options.workers,
    maxOldGenerationSizeMb: options.maxOldGenerationSizeMb,
    config: deps.engineConfig,
    ruleModules: deps.ruleModules,
    testHooks: deps.testHooks,
    rulesetVersion: deps.engine.rulesetVersion,
    onWorkerError: error =>
      logger.warn(`Container scorecard analysis worker failed: ${error}`),
  });
  logger.info(
    `Container scorecard: ${options.workers} analysis worker(s), ` +
      `file timeout ${options.fileTimeoutMs} ms, entity timeout ${options.entityTimeoutMs} ms`,
  );
  if (options.helm)
    logger.info(
      `Container scorecard: Helm charts rendered by ${options.helm.command}, ` +
        `timeout ${options.helm.timeoutMs} ms per chart`,
    );
  return withHelmCommand(
    {
      analyze: (files, renderOptions) =>
        pool.analyzeEntity(
          files,
          {
            fileTimeoutMs: options.fileTimeoutMs,
            entityTimeoutMs: options.entityTimeoutMs,
          },
          { renderOptions },
        ),
      close: () => pool.close(),
    },
    options.helm,
    options.entityTimeoutMs,
  );
}
