import {
  imageRuleSettingsOf,
  imageRules as builtInImageRules,
  type ApiRuleOption,
  type ImageRule,
  type ImagesConfig,
  type RuleCatalogue,
  type RuleMetadata,
  type RuleSummary,
  type ScorecardConfig,
  type ScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-common';

/** The entries of a partial record (`RuleEquivalents`, links) that hold a string. */
function definedEntries(record: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

/** A rule's declared options, each with the configured value when the configuration sets one. */
function toRuleOptions(
  rule: Pick<RuleMetadata, 'options'>,
  configured: Record<string, unknown> = {},
): { options?: ApiRuleOption[] } {
  const options = Object.entries(rule.options ?? {}).map(
    ([name, spec]): ApiRuleOption => ({
      name,
      type: spec.type,
      description: spec.description,
      default: optionValue(spec.default),
      ...(configured[name] !== undefined
        ? { value: optionValue(configured[name]) }
        : {}),
    }),
  );
  return options.length ? { options } : {};
}

/** Lists copied, so the response never shares the ruleset's own arrays. */
function optionValue(value: unknown): ApiRuleOption['default'] {
  return Array.isArray(value)
    ? value.map(String)
    : (value as string | number | boolean);
}

function toRuleSummary(
  rule: RuleMetadata,
  enabled: boolean,
  configuredOptions?: Record<string, unknown>,
): RuleSummary {
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
    kind: 'file',
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
    ...toRuleOptions(rule, configuredOptions),
  };
}

/**
 * An image rule as the catalogue lists it: the fields of a file rule, `kind: 'image'` and no file
 * kind, and no automatic fix (the image is rebuilt from its definition, where the file rules'
 * fixes apply). Its severity is the ruleset's: `images.rules` sets only `enabled` and `options`.
 */
function toImageRuleSummary(
  rule: ImageRule,
  enabled: boolean,
  configuredOptions?: Record<string, unknown>,
): RuleSummary {
  const { check: _check, kind: _kind, ...metadata } = rule;
  return {
    ...toRuleSummary(
      { ...metadata, appliesTo: [], fixable: false },
      enabled,
      configuredOptions,
    ),
    kind: 'image',
  };
}

/**
 * The running ruleset: enabled rules with their configured severities, then the rules the
 * configuration turned off, so the catalogue shows what is not checked as well; then the image
 * rules, enabled when image inspection is on and `images.rules` does not turn them off. Every rule
 * carries its options with the configured values.
 */
export function toRuleCatalogue(
  engine: ScorecardEngine,
  allRules: readonly RuleMetadata[],
  settings: {
    /** `containerScorecard`'s rule settings, for the file rules' configured options. */
    config?: Pick<ScorecardConfig, 'rules'>;
    /** Image inspection: on or off, and `containerScorecard.images`. Off when absent. */
    images?: { enabled: boolean; config?: ImagesConfig };
    /** The image rules listed; the built-in ones unless given. */
    imageRules?: readonly ImageRule[];
  } = {},
): RuleCatalogue {
  const enabled = new Set(engine.rules.map(rule => rule.id));
  const fileOptions = (id: string) => settings.config?.rules?.[id]?.options;
  const { ruleOptions, disabledRules } = imageRuleSettingsOf(
    settings.images?.config,
  );
  const inspecting = settings.images?.enabled ?? false;
  return {
    rulesetVersion: engine.rulesetVersion,
    rules: [
      ...engine.rules.map(rule =>
        toRuleSummary(rule, true, fileOptions(rule.id)),
      ),
      ...allRules
        .filter(rule => !enabled.has(rule.id))
        .map(rule => toRuleSummary(rule, false, fileOptions(rule.id))),
      ...(settings.imageRules ?? builtInImageRules).map(rule =>
        toImageRuleSummary(
          rule,
          inspecting && !disabledRules.includes(rule.id),
          ruleOptions[rule.id],
        ),
      ),
    ],
  };
}
