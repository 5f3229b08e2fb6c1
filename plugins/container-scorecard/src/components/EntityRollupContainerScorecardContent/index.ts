export { EntityRollupContainerScorecardContent } from './EntityRollupContainerScorecardContent';
