import { builtInRules } from '../engine/builtInRules';
import { createTestEngine } from '../testing';
import { computeRulesetVersion, RULESET_SEMVER } from './rulesetVersion';

describe('ruleset version', () => {
  it('is the semver prefix plus a stable hash', () => {
    const version = computeRulesetVersion(builtInRules);
    expect(version).toMatch(
      new RegExp(`^${RULESET_SEMVER.replace(/\./g, '\\.')}\\+[0-9a-f]{12}$`),
    );
    expect(computeRulesetVersion([...builtInRules].reverse())).toBe(version);
  });

  it('changes when a severity, a pillar or an option default changes, or a rule is added', () => {
    const base = computeRulesetVersion(builtInRules);
    const [first, ...rest] = builtInRules;
    expect(
      computeRulesetVersion([{ ...first, severity: 'critical' }, ...rest]),
    ).not.toBe(base);
    expect(
      computeRulesetVersion([{ ...first, pillar: 'minimal' }, ...rest]),
    ).not.toBe(base);
    expect(computeRulesetVersion(rest)).not.toBe(base);
    const withOption = builtInRules.map(r =>
      r.id === 'no-user-in-final-stage'
        ? {
            ...r,
            options: {
              nonRootBaseImages: {
                type: 'string[]' as const,
                default: [],
                description: '',
              },
            },
          }
        : r,
    );
    expect(computeRulesetVersion(withOption)).not.toBe(base);
  });

  it('reflects configuration in the engine (a severity override changes the version)', async () => {
    const plain = await createTestEngine();
    const configured = await createTestEngine({
      config: { rules: { 'shell-form-cmd': { severity: 'high' } } },
    });
    const disabled = await createTestEngine({
      config: { rules: { 'shell-form-cmd': { enabled: false } } },
    });
    expect(
      new Set([
        plain.rulesetVersion,
        configured.rulesetVersion,
        disabled.rulesetVersion,
      ]).size,
    ).toBe(3);
    expect(plain.rulesetVersion).toBe(computeRulesetVersion(builtInRules));
  });
});
