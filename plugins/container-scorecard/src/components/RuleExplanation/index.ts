export { RuleExplanation } from './RuleExplanation';
