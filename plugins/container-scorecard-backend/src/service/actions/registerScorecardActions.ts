import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { registerEntityActions } from './entityActions';
import { registerRuleActions } from './ruleActions';
import { registerScopeActions } from './scopeActions';
import type { ScorecardActionDeps } from './types';

/**
 * Registers the read-only actions AI assistants reach through the actions registry (and the MCP
 * actions backend). Each reads with the caller's credentials through the same catalog access as
 * the REST API, so an assistant sees exactly what its user sees, and a hidden entity is "not
 * found" as it is there.
 */
export function registerScorecardActions(
  registry: ActionsRegistryService,
  deps: ScorecardActionDeps,
) {
  registerEntityActions(registry, deps);
  registerScopeActions(registry, deps);
  registerRuleActions(registry, deps);
}
