export { ScorecardStatusNotice } from './ScorecardStatusNotice';
