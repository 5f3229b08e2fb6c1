export { ScorecardOverviewPage } from './ScorecardOverviewPage';
