export { registerScorecardActions } from './registerScorecardActions';
export type { ScorecardActionDeps } from './types';
