import { workerData } from 'node:worker_threads';
import type {
  RepositoryResult,
  ScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '../engine/createNodeScorecardEngine';
import { analysisTestRules } from './analysisTestRules';
import { loadRuleModules } from './loadRuleModules';
import type {
  AnalysisEngineOptions,
  AnalysisProgressMessage,
  AnalysisTask,
} from './types';

let engine: Promise<ScorecardEngine> | undefined;

/** The worker's engine, made once per thread from the pool's `workerData`. */
function engineOfThisWorker(): Promise<ScorecardEngine> {
  const options = (workerData ?? {}) as AnalysisEngineOptions;
  engine ??= createNodeScorecardEngine({
    config: options.config,
    extraRules: [
      ...loadRuleModules(options.ruleModules ?? []),
      ...analysisTestRules(options.testHooks ?? {}),
    ],
  });
  return engine;
}

/**
 * Analyses one entity's files in a worker thread, telling the main thread through the task's
 * port which file it is on: the main thread holds the deadlines and ends this thread when one
 * passes, because synchronous engine code cannot be interrupted any other way.
 */
export default async function runAnalysisTask(
  task: AnalysisTask,
): Promise<RepositoryResult> {
  const report = (message: AnalysisProgressMessage) =>
    task.progress.postMessage(message);
  try {
    const ready = await engineOfThisWorker();
    report({ type: 'task-started' });
    return ready.analyzeRepository(
      task.files,
      {
        fileStarted: path =>
          report({ type: 'file-started', path, startedAt: Date.now() }),
        fileFinished: result => report({ type: 'file-finished', result }),
        repositoryRulesStarted: () =>
          report({ type: 'repository-rules-started' }),
      },
      task.renderOptions,
    );
  } finally {
    task.progress.close();
  }
}
