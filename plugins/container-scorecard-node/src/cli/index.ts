export { runContainerScorecardCli } from './runContainerScorecardCli';
