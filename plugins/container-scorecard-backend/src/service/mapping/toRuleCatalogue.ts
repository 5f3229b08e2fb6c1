import type {
  RuleCatalogue,
  RuleMetadata,
  RuleSummary,
  ScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-common';

/** The entries of a partial record (`RuleEquivalents`, links) that hold a string. */
function definedEntries(record: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function toRuleSummary(rule: RuleMetadata, enabled: boolean): RuleSummary {
  const equivalents = definedEntries(rule.equivalents);
  // A link only for an equivalent the rule names: a stray link would point at nothing shown.
  const equivalentLinks = Object.fromEntries(
    Object.entries(definedEntries(rule.equivalentLinks ?? {})).filter(
      ([tool]) => tool in equivalents,
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
    ...(Object.keys(equivalentLinks).length ? { equivalentLinks } : {}),
    ...(rule.equivalentsNote ? { equivalentsNote: rule.equivalentsNote } : {}),
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
