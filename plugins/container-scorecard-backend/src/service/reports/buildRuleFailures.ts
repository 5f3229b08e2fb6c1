import type {
  RuleFailures,
  RuleFailuresReport,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import type { ServiceRow } from './serviceSummaries';

/** Services listed per rule; the count says how many there are in all. */
const LISTED_SERVICES = 50;

/**
 * For every rule failing somewhere in the scope, which services fail it (the rows the caller
 * may see, from the same computation as the report), with the points it costs each.
 */
export async function buildRuleFailures(
  store: ScorecardStore,
  rows: readonly ServiceRow[],
): Promise<RuleFailuresReport> {
  const byRef = new Map(rows.map(row => [row.entityRef, row]));
  const failures = await store.ruleFailuresOf([...byRef.keys()]);
  const rules = new Map<string, RuleFailures>();
  for (const failure of failures) {
    const rule = rules.get(failure.ruleId) ?? {
      ruleId: failure.ruleId,
      services: 0,
      findings: 0,
      points: 0,
      failing: [],
    };
    const title = byRef.get(failure.entityRef)?.title;
    rule.services += 1;
    rule.findings += failure.findings;
    rule.points += failure.points;
    rule.failing.push({
      entityRef: failure.entityRef,
      ...(title ? { title } : {}),
      findings: failure.findings,
      points: failure.points,
    });
    rules.set(failure.ruleId, rule);
  }
  return {
    servicesInScope: rows.length,
    rules: [...rules.values()]
      .map(rule => ({
        ...rule,
        points: Math.round(rule.points * 10) / 10,
        failing: rule.failing
          .sort(
            (a, b) =>
              b.points - a.points || a.entityRef.localeCompare(b.entityRef),
          )
          .slice(0, LISTED_SERVICES),
      }))
      .sort((a, b) => b.points - a.points || a.ruleId.localeCompare(b.ruleId)),
  };
}
