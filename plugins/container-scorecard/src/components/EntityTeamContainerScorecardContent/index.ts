export { EntityTeamContainerScorecardContent } from './EntityTeamContainerScorecardContent';
