import { allRules } from '../rules';
import type { ScorecardRule } from '../rules/framework/ruleTypes';
import { suppressionRules } from '../suppressions/suppressionRules';

/** Every rule the engine runs unless configured otherwise: waiver checks and the scorecard rules. */
export const builtInRules: readonly ScorecardRule[] = [
  ...suppressionRules,
  ...allRules,
];
