import type {
  RuleCatalogue,
  RuleMetadata,
  RuleSummary,
  ScorecardEngine,
} from '@internal/plugin-container-scorecard-common';

function toRuleSummary(rule: RuleMetadata, enabled: boolean): RuleSummary {
  const equivalents = Object.fromEntries(
    Object.entries(rule.equivalents).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
  return {
    id: rule.id,
    title: rule.title,
    pillar: rule.pillar,
    severity: rule.severity,
    enabled,
    appliesTo: [...rule.appliesTo],
    message: rule.message,
    rationale: rule.rationale,
    remediation: {
      text: rule.remediation.description,
      before: rule.remediation.before,
      after: rule.remediation.after,
    },
    equivalents,
    fixable: rule.fixable,
  };
}

/**
 * The running ruleset: enabled rules with their configured severities, then the rules the
 * configuration turned off, so the catalogue shows what is not checked as well.
 */
export function toRuleCatalogue(
  engine: ScorecardEngine,
  allRules: readonly RuleMetadata[],
): RuleCatalogue {
  const enabled = new Set(engine.rules.map(rule => rule.id));
  return {
    rulesetVersion: engine.rulesetVersion,
    rules: [
      ...engine.rules.map(rule => toRuleSummary(rule, true)),
      ...allRules
        .filter(rule => !enabled.has(rule.id))
        .map(rule => toRuleSummary(rule, false)),
    ],
  };
}
