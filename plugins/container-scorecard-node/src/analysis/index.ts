export {
  createAnalysisPool,
  defaultAnalysisWorkers,
  type AnalysisPool,
  type AnalysisPoolOptions,
} from './createAnalysisPool';
export { analysisTestRules } from './analysisTestRules';
export { loadRuleModules } from './loadRuleModules';
export type {
  AnalysisDeadlines,
  AnalysisEngineOptions,
  AnalysisTask,
  AnalysisTestHooks,
  EntityAnalysis,
} from './types';
