export {
  createAnalysisPool,
  defaultAnalysisWorkers,
  type AnalysisPool,
  type AnalysisPoolOptions,
} from './createAnalysisPool';
export { analysisTestRules } from './analysisTestRules';
/**
 * The analysis workers' task function. Exported from the package's main entry only so that the
 * build emits it as its own file (dist/analysis/runAnalysisTask.cjs.js), which the pool starts
 * its workers from in a built package; it is not meant to be called directly.
 *
 * @internal
 */
export { default as runAnalysisTask } from './runAnalysisTask';
export { loadRuleModules } from './loadRuleModules';
export type {
  AnalysisDeadlines,
  AnalysisEngineOptions,
  AnalysisTask,
  AnalysisTestHooks,
  EntityAnalysis,
} from './types';
