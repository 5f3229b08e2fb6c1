import { availableParallelism } from 'node:os';
import type {
  RenderOptions,
  ScorecardInputFile,
} from '@container-scorecard/plugin-container-scorecard-common';
import Piscina from 'piscina';
import { analysisWorkerFile } from '../packaging/packageFiles';
import { analyzeWithDeadlines } from './analyzeWithDeadlines';
import type {
  AnalysisDeadlines,
  AnalysisEngineOptions,
  EntityAnalysis,
} from './types';

/**
 * Options of {@link createAnalysisPool}.
 *
 * @public
 */
export interface AnalysisPoolOptions extends AnalysisEngineOptions {
  /** Worker threads; defaults to {@link defaultAnalysisWorkers}. */
  workers?: number;
  /** Heap limit of each worker; a worker over it is ended and its file could not be analysed. */
  maxOldGenerationSizeMb?: number;
  /** The ruleset version of the engine the workers build, for results the pool makes itself. */
  rulesetVersion: string;
  /** Told of a worker that failed outside any task (a task's own failure goes to its entity). */
  onWorkerError?: (error: Error) => void;
}

/**
 * Engine work in worker threads, so the thread that serves requests never runs it.
 *
 * @public
 */
export interface AnalysisPool {
  /** Analyses one entity's files within the deadlines; never rejects for a slow or crashing file. */
  analyzeEntity(
    files: readonly ScorecardInputFile[],
    deadlines: AnalysisDeadlines,
    options?: {
      signal?: AbortSignal;
      /** The entity's render choices (Helm values files). */
      renderOptions?: RenderOptions;
    },
  ): Promise<EntityAnalysis>;
  /** Ends the workers; analyses under way are abandoned. */
  close(): Promise<void>;
}

/**
 * One less than the cores, so the main thread keeps one; at least one.
 *
 * @public
 */
export function defaultAnalysisWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * Starts a pool of analysis workers (piscina). Each worker builds its engine once, from
 * `config`, `ruleModules` and `testHooks`, and analyses one entity per task.
 *
 * @public
 */
export function createAnalysisPool(options: AnalysisPoolOptions): AnalysisPool {
  const workers = options.workers ?? defaultAnalysisWorkers();
  const engineOptions: AnalysisEngineOptions = {
    config: options.config,
    ruleModules: options.ruleModules,
    testHooks: options.testHooks,
  };
  const pool = new Piscina({
    filename: analysisWorkerFile(),
    minThreads: workers,
    maxThreads: workers,
    // An idle worker keeps its engine: building one loads the shell grammar.
    idleTimeout: Infinity,
    workerData: engineOptions,
    resourceLimits: options.maxOldGenerationSizeMb
      ? { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb }
      : undefined,
  });
  // Without a listener, an error of an idle worker would be thrown on the main thread.
  pool.on('error', error => options.onWorkerError?.(error));
  // Closing aborts the analyses under way: they reject rather than report files as broken.
  const closing = new AbortController();
  return {
    async analyzeEntity(files, deadlines, runOptions) {
      if (closing.signal.aborted) throw closing.signal.reason;
      return analyzeWithDeadlines(pool, files, {
        ...deadlines,
        rulesetVersion: options.rulesetVersion,
        maxOldGenerationSizeMb: options.maxOldGenerationSizeMb,
        renderOptions: runOptions?.renderOptions,
        signal: runOptions?.signal
          ? AbortSignal.any([closing.signal, runOptions.signal])
          : closing.signal,
      });
    },
    async close() {
      closing.abort(new Error('The analysis pool is closed'));
      await pool.close({ force: true });
    },
  };
}
