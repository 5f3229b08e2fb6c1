/**
 * Container Scorecard backend plugin.
 *
 * @packageDocumentation
 */
export { containerScorecardPlugin as default } from './plugin';
export {
  searchModuleContainerScorecardCollator,
  ScorecardCollatorFactory,
  SCORECARD_SEARCH_TYPE,
  type IndexableScorecardDocument,
  type ScorecardSearchDocument,
} from './search';
