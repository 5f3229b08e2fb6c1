export { EntityContainerScorecardCard } from './EntityContainerScorecardCard';
