export { EntityTeamContainerScorecardCard } from './EntityTeamContainerScorecardCard';
