export { FileScorecardCard } from './FileScorecardCard';
