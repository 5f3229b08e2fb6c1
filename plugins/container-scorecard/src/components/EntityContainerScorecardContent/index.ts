export { EntityContainerScorecardContent } from './EntityContainerScorecardContent';
