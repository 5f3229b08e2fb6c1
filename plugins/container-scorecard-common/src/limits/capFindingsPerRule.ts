import type { Finding, LimitReached } from '../model/types';

/**
 * Keeps at most `max` findings of each rule, once suppressions and scores are known, so the list
 * stays small while the score and counts (computed before, over every finding) stay exact.
 *
 * Which ones are kept: the ones that cost points first. A rule's unsuppressed findings fill its
 * `max` places by position; suppressed findings (which cost nothing) take the places left. So
 * 500 waived findings can never push the one that costs points out of the list.
 *
 * @param findings - in the order they are shown (by position); the kept ones keep that order.
 */
export function capFindingsPerRule(
  findings: readonly Finding[],
  max: number,
): { kept: Finding[]; limitsReached: LimitReached[] } {
  if (findings.length <= max) return { kept: [...findings], limitsReached: [] };
  const perRule = new Map<string, { costing: number; waived: number }>();
  for (const finding of findings) {
    const tally = perRule.get(finding.ruleId) ?? { costing: 0, waived: 0 };
    if (finding.suppressed) tally.waived++;
    else tally.costing++;
    perRule.set(finding.ruleId, tally);
  }
  // Places left per rule and kind of finding, spent in position order.
  const places = new Map<string, { costing: number; waived: number }>();
  for (const [ruleId, tally] of perRule) {
    const costing = Math.min(tally.costing, max);
    places.set(ruleId, {
      costing,
      waived: Math.min(tally.waived, max - costing),
    });
  }
  const kept: Finding[] = [];
  const omitted = new Map<string, number>();
  for (const finding of findings) {
    const left = places.get(finding.ruleId) as {
      costing: number;
      waived: number;
    };
    const kind = finding.suppressed ? 'waived' : 'costing';
    if (left[kind] > 0) {
      left[kind]--;
      kept.push(finding);
    } else {
      omitted.set(finding.ruleId, (omitted.get(finding.ruleId) ?? 0) + 1);
    }
  }
  const limitsReached = [...omitted.entries()]
    .sort(([a], [b]) => (a < b ? -1 : Number(a > b)))
    .map(
      ([ruleId, count]): LimitReached => ({
        limit: 'findings-per-rule',
        message: `Rule ${ruleId}: only the first ${max} findings are listed (limits.maxFindingsPerRule); ${count} more ${
          count === 1 ? 'is' : 'are'
        } not listed but counted in the score.`,
        omitted: count,
      }),
    );
  return { kept, limitsReached };
}
