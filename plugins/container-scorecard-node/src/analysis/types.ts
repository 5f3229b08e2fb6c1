import type { MessagePort } from 'node:worker_threads';
import type {
  FileResult,
  LimitReached,
  RepositoryResult,
  ScorecardConfig,
  ScorecardInputFile,
  RenderOptions,
} from '@container-scorecard/plugin-container-scorecard-common';

/**
 * Test-only behaviour of the analysis worker: extra rules that stand in for pathological input,
 * so tests can prove that deadlines and crashes are handled without a real slow parser.
 *
 * @public
 */
export interface AnalysisTestHooks {
  /** A file whose path contains this busy-loops forever in a rule, never yielding. */
  slowFileMarker?: string;
  /** A file whose path contains this allocates memory until the worker runs out. */
  crashFileMarker?: string;
}

/**
 * What a worker needs to build its engine. Plain data: it crosses the thread boundary.
 *
 * @public
 */
export interface AnalysisEngineOptions {
  config?: ScorecardConfig;
  /**
   * Modules (absolute paths or package names) whose `rules` export adds rules: rule objects hold
   * functions and cannot be sent to a worker, so the worker loads them itself.
   */
  ruleModules?: string[];
  testHooks?: AnalysisTestHooks;
}

/**
 * One entity's files, analysed by one worker in one task.
 *
 * @public
 */
export interface AnalysisTask {
  files: ScorecardInputFile[];
  /** The entity's render choices (Helm values files). */
  renderOptions?: RenderOptions;
  /** Where the worker reports its progress; transferred with the task. */
  progress: MessagePort;
}

/** What a worker tells the main thread while it analyses an entity. */
export type AnalysisProgressMessage =
  /** The engine is ready and the analysis begins: the entity's deadline starts now. */
  | { type: 'task-started' }
  /** `startedAt` is the worker's `Date.now()`, so a late delivery does not stretch the deadline. */
  | { type: 'file-started'; path: string; startedAt: number }
  | { type: 'file-finished'; result: FileResult }
  | { type: 'repository-rules-started' };

/**
 * Deadlines of one entity's analysis.
 *
 * @public
 */
export interface AnalysisDeadlines {
  /** Longest time one file may take; the worker analysing it is ended past it. */
  fileTimeoutMs: number;
  /**
   * Longest time the whole entity may take, from the moment a worker starts on it; `Infinity`
   * for none.
   */
  entityTimeoutMs: number;
}

/**
 * The analysis of one entity: the engine's result, complete or with could-not-analyse results
 * for the files that were stopped, and the limits that cut it short.
 *
 * @public
 */
export interface EntityAnalysis extends RepositoryResult {
  /** Set when the entity's deadline stopped the analysis (`entity-timeout`). */
  limitsReached?: LimitReached[];
}
