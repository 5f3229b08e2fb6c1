import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { ScorecardRule } from '@container-scorecard/plugin-container-scorecard-common';

/**
 * Lets backend modules contribute rules to the scorecard. Rules are built with `defineRule` or
 * `defineRepositoryRule` from the common package; ids must not clash with built-in ones (the
 * backend refuses to start if they do). Added rules take part in the ruleset version, so their
 * arrival shows in trends as "the rules changed".
 *
 * @public
 */
export interface ContainerScorecardRulesExtensionPoint {
  /**
   * Adds rule objects. They cannot be sent to the analysis worker threads, so with any of them
   * the backend analyses on its event loop, without deadlines: prefer `addRuleModules`.
   */
  addRules(...rules: ScorecardRule[]): void;
  /**
   * Adds the rules exported as `rules` by each module (an absolute path, e.g. from
   * `require.resolve`, or a package name). Every analysis worker loads the modules itself.
   */
  addRuleModules(...modules: string[]): void;
}

/** @public */
export const containerScorecardRulesExtensionPoint =
  createExtensionPoint<ContainerScorecardRulesExtensionPoint>({
    id: 'container-scorecard.rules',
  });
