import {
  aggregateFileResults,
  type AnalysisErrorCode,
  type FileResult,
  type LimitReached,
  type ScorecardInputFile,
  type RenderOptions,
} from '@container-scorecard/plugin-container-scorecard-common';
import type Piscina from 'piscina';
import { runAnalysisAttempt } from './runAnalysisAttempt';
import { stoppedFileResult } from './stoppedFileResult';
import type { AnalysisDeadlines, EntityAnalysis } from './types';

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** Results in the order of the input, as the engine gives them. */
function inInputOrder(
  files: readonly ScorecardInputFile[],
  results: FileResult[],
): FileResult[] {
  const order = new Map(files.map((file, index) => [file.path, index]));
  return [...results].sort(
    (a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0),
  );
}

/**
 * Analyses one entity's files on the pool within its deadlines. A file over the per-file deadline
 * becomes could-not-analyse (`analysis-timeout`) and the entity is analysed again without it,
 * so its other files are still scored; so does a file on which the worker crashed. At the entity
 * deadline, the files finished by then keep their results and the rest become could-not-analyse,
 * with an `entity-timeout` notice.
 *
 * @public
 */
export async function analyzeWithDeadlines(
  pool: Piscina,
  files: readonly ScorecardInputFile[],
  options: AnalysisDeadlines & {
    rulesetVersion: string;
    signal?: AbortSignal;
    maxOldGenerationSizeMb?: number;
    renderOptions?: RenderOptions;
  },
): Promise<EntityAnalysis> {
  const { rulesetVersion } = options;
  const given = new Map<string, FileResult>();
  let spentMs = 0;

  const complete = (
    results: FileResult[],
    version = rulesetVersion,
  ): EntityAnalysis => {
    const all = inInputOrder(files, [...results, ...given.values()]);
    return {
      files: all,
      aggregate: aggregateFileResults(all),
      rulesetVersion: version,
    };
  };
  /** Files finished keep their own results; those not reached get `error`. */
  const partial = (
    finished: Map<string, FileResult>,
    error: { code: AnalysisErrorCode; message: string },
    limit?: (omitted: number) => LimitReached,
  ): EntityAnalysis => {
    const results: FileResult[] = [];
    let omitted = 0;
    for (const file of files) {
      if (file.content === undefined || given.has(file.path)) continue;
      const result = finished.get(file.path);
      if (result) {
        if (result.status !== 'not-applicable') results.push(result);
      } else {
        omitted++;
        results.push(stoppedFileResult(file.path, error, rulesetVersion));
      }
    }
    const analysis = complete(results);
    return limit ? { ...analysis, limitsReached: [limit(omitted)] } : analysis;
  };
  const entityTimedOut = (finished: Map<string, FileResult>) =>
    partial(
      finished,
      {
        code: 'analysis-timeout',
        message: `The entity's analysis took longer than ${seconds(
          options.entityTimeoutMs,
        )} and was stopped before this file.`,
      },
      omitted => ({
        limit: 'entity-timeout',
        message: `The analysis of this entity took longer than ${seconds(
          options.entityTimeoutMs,
        )} (analysis.entityTimeout); ${
          omitted
            ? 'files not finished by then were not analysed.'
            : 'every file was analysed, but not the rules that look at the repository as a whole.'
        }`,
        omitted,
      }),
    );

  for (;;) {
    const attempt = await runAnalysisAttempt(
      pool,
      // A file given up on stays listed, without content: repository rules still see its path.
      files.map(file => (given.has(file.path) ? { path: file.path } : file)),
      {
        fileTimeoutMs: options.fileTimeoutMs,
        entityBudgetMs: options.entityTimeoutMs - spentMs,
        signal: options.signal,
        renderOptions: options.renderOptions,
        maxOldGenerationSizeMb: options.maxOldGenerationSizeMb,
      },
    );
    spentMs += attempt.spentMs;
    switch (attempt.kind) {
      case 'done':
        return complete(attempt.result.files, attempt.result.rulesetVersion);
      case 'entity-timeout':
        return entityTimedOut(attempt.finished);
      case 'file-timeout':
        given.set(
          attempt.path,
          stoppedFileResult(
            attempt.path,
            {
              code: 'analysis-timeout',
              message: `The analysis took longer than ${seconds(
                options.fileTimeoutMs,
              )} and was stopped.`,
            },
            rulesetVersion,
          ),
        );
        break;
      case 'crashed':
        if (!attempt.path) {
          return partial(attempt.finished, {
            code: 'internal-error',
            message: attempt.reason,
          });
        }
        given.set(
          attempt.path,
          stoppedFileResult(
            attempt.path,
            { code: 'internal-error', message: attempt.reason },
            rulesetVersion,
          ),
        );
        break;
      default:
    }
    if (spentMs >= options.entityTimeoutMs) {
      return entityTimedOut(attempt.finished);
    }
  }
}
