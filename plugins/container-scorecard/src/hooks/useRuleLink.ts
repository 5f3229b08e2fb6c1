import { useCallback } from 'react';
import { useRouteRef } from '@backstage/core-plugin-api';
import { rulesRouteRef } from '../routes';

// Apps on the legacy system may not mount the rule catalogue page; useRouteRef throws then, after
// running its own hooks, so catching keeps the hook order stable.
function useRulesRoute() {
  try {
    return useRouteRef(rulesRouteRef);
  } catch {
    return undefined;
  }
}

/**
 * Links a rule id to its entry in the rule catalogue page (with the report's scope, so the entry
 * lists the services failing it there), or undefined when the page is not mounted.
 */
export function useRuleLink(): (
  ruleId: string,
  scope?: string,
) => string | undefined {
  const rulesRoute = useRulesRoute();
  return useCallback(
    (ruleId, scope) =>
      rulesRoute
        ? `${rulesRoute()}?${new URLSearchParams({
            rule: ruleId,
            ...(scope ? { scope } : {}),
          })}#${encodeURIComponent(ruleId)}`
        : undefined,
    [rulesRoute],
  );
}

/** The anchor of "How scores are made" on the rule catalogue page. */
export const SCORING_ANCHOR = 'how-scores-are-made';

/** Links to how scores are made (on the rule catalogue page), or undefined when not mounted. */
export function useScoringLink(): string | undefined {
  const rulesRoute = useRulesRoute();
  return rulesRoute ? `${rulesRoute()}#${SCORING_ANCHOR}` : undefined;
}
