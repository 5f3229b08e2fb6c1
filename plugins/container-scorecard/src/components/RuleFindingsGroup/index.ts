export {
  RuleFindingsGroup,
  groupByRule,
  type RuleGroup,
} from './RuleFindingsGroup';
