import type { ScorecardConfig } from '../config/ScorecardConfig';
import { defaultOptionValues } from '../rules/framework/ruleOptions';
import type { RuleMetadata, ScorecardRule } from '../rules/framework/ruleTypes';

/** A rule with configuration applied. */
export interface EffectiveRule {
  rule: ScorecardRule;
  /** Metadata as configured (severity override) plus the option values in force. */
  metadata: RuleMetadata & { effectiveOptions: Record<string, unknown> };
  options: Record<string, unknown>;
}

/** Applies `enabled`, `severity` and `options` from configuration; drops disabled rules. */
export function resolveEffectiveRules(
  rules: readonly ScorecardRule[],
  config: ScorecardConfig,
): EffectiveRule[] {
  return rules.flatMap(rule => {
    const settings = config.rules?.[rule.id];
    if (settings?.enabled === false) return [];
    const options = {
      ...defaultOptionValues(rule.options),
      ...settings?.options,
    };
    const { scope: _scope, ...metadata } = rule as ScorecardRule &
      Record<string, unknown>;
    delete (metadata as Record<string, unknown>).check;
    delete (metadata as Record<string, unknown>).checkRepository;
    return [
      {
        rule,
        options,
        metadata: {
          ...(metadata as unknown as RuleMetadata),
          severity: settings?.severity ?? rule.severity,
          effectiveOptions: options,
        },
      },
    ];
  });
}
