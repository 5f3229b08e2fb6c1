import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * Lets backend modules contribute rules to the scorecard. The rule shape is filled in by the
 * rule engine; until then modules can only register opaque rule objects.
 *
 * @public
 */
export interface ContainerScorecardRulesExtensionPoint {
  addRules(...rules: unknown[]): void;
}

/** @public */
export const containerScorecardRulesExtensionPoint =
  createExtensionPoint<ContainerScorecardRulesExtensionPoint>({
    id: 'container-scorecard.rules',
  });
