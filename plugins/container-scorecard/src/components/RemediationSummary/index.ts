export { RemediationSummary } from './RemediationSummary';
