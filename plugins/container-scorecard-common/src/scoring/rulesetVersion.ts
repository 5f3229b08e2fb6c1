import type { RuleMetadata } from '../rules/framework/ruleTypes';
import { defaultOptionValues } from '../rules/framework/ruleOptions';
import {
  GRADE_THRESHOLDS,
  MAX_COUNTED_REPEATS,
  REPEAT_DECAY,
  SEVERITY_WEIGHTS,
  WORST_FILE_SHARE,
} from './scoringModel';
import { canonicalJson, compareStrings, stableHash } from './stableHash';

/**
 * Bumped by hand for changes people should notice (a new pillar, a new scoring formula).
 * Any other change to rules or weights changes the hash part on its own.
 *
 * @public
 */
export const RULESET_SEMVER = '1.0.0';

/**
 * The version of a ruleset: `<semver>+<hash>`, the hash covering each rule's id, severity, pillar,
 * kinds and option values, and every scoring constant. Stored with each result, so a trend line
 * can tell "the code changed" from "the rules changed".
 *
 * @public
 */
export function computeRulesetVersion(
  rules: readonly (RuleMetadata & {
    effectiveOptions?: Record<string, unknown>;
  })[],
): string {
  const fingerprint = canonicalJson({
    rules: [...rules]
      .sort((a, b) => compareStrings(a.id, b.id))
      .map(rule => ({
        id: rule.id,
        severity: rule.severity,
        pillar: rule.pillar,
        appliesTo: [...rule.appliesTo].sort(),
        options: rule.effectiveOptions ?? defaultOptionValues(rule.options),
      })),
    weights: SEVERITY_WEIGHTS,
    repeatDecay: REPEAT_DECAY,
    maxCountedRepeats: MAX_COUNTED_REPEATS,
    grades: GRADE_THRESHOLDS,
    worstFileShare: WORST_FILE_SHARE,
  });
  return `${RULESET_SEMVER}+${stableHash(fingerprint).slice(0, 12)}`;
}
