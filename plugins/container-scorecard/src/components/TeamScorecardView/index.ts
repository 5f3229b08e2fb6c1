export { TeamScorecardView } from './TeamScorecardView';
