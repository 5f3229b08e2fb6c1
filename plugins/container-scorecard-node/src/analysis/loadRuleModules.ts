import type { ScorecardRule } from '@container-scorecard/plugin-container-scorecard-common';

/**
 * Loads the rules of rule modules: each module exports `rules` (an array of rules). Used by the
 * worker, which cannot receive rule objects, and by the main thread, which needs their metadata.
 */
export function loadRuleModules(modules: readonly string[]): ScorecardRule[] {
  return modules.flatMap(name => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = require(name);
    const rules = loaded?.rules ?? loaded?.default?.rules;
    if (!Array.isArray(rules)) {
      throw new Error(
        `Rule module ${name} does not export "rules" (an array of rules)`,
      );
    }
    return rules as ScorecardRule[];
  });
}
