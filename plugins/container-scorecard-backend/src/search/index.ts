export { searchModuleContainerScorecardCollator } from './module';
export {
  ScorecardCollatorFactory,
  type IndexableScorecardDocument,
} from './ScorecardCollatorFactory';
export { SCORECARD_SEARCH_TYPE, type ScorecardSearchDocument } from './types';
