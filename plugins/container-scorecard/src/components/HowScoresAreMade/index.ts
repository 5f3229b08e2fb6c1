export { HowScoresAreMade } from './HowScoresAreMade';
