import type {
  RuleFailingService,
  RuleFailures,
  RuleFailuresReport,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import type { ServiceRow } from './serviceSummaries';

/** Services listed per rule; the count says how many there are in all. */
const LISTED_SERVICES = 50;

/** One service's findings of one rule, as the store's definitions or its images give them. */
interface ServiceFailure {
  ruleId: string;
  entityRef: string;
  findings: number;
  points: number;
  images?: string[];
}

/**
 * For every rule failing somewhere in the scope, which services fail it (the rows the caller
 * may see, from the same computation as the report), with the points it costs each. With
 * `withImages` (image inspection on), image rules count the findings of each service's latest
 * inspected images; they cost no points, because an image never changes the service's score.
 */
export async function buildRuleFailures(
  store: ScorecardStore,
  rows: readonly ServiceRow[],
  options: { withImages?: boolean } = {},
): Promise<RuleFailuresReport> {
  const byRef = new Map(rows.map(row => [row.entityRef, row]));
  const refs = [...byRef.keys()];
  const failures: ServiceFailure[] = [
    ...(await store.ruleFailuresOf(refs)),
    ...(options.withImages ? await imageFailuresOf(store, refs) : []),
  ];
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
    const service: RuleFailingService = {
      entityRef: failure.entityRef,
      ...(title ? { title } : {}),
      findings: failure.findings,
      points: failure.points,
      ...(failure.images ? { images: failure.images } : {}),
    };
    rule.failing.push(service);
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
              b.points - a.points ||
              b.findings - a.findings ||
              a.entityRef.localeCompare(b.entityRef),
          )
          .slice(0, LISTED_SERVICES),
      }))
      .sort(
        (a, b) =>
          b.points - a.points ||
          b.services - a.services ||
          a.ruleId.localeCompare(b.ruleId),
      ),
  };
}

/** Per image rule and entity: the unwaived findings of its inspected images, and which images. */
async function imageFailuresOf(
  store: ScorecardStore,
  entityRefs: readonly string[],
): Promise<ServiceFailure[]> {
  const byKey = new Map<string, ServiceFailure & { images: string[] }>();
  for (const { entityRef, reference, finding } of await store.images.findingsOf(
    entityRefs,
  )) {
    if (finding.suppressed) continue;
    const key = `${finding.ruleId}\u0000${entityRef}`;
    const failure = byKey.get(key) ?? {
      ruleId: finding.ruleId,
      entityRef,
      findings: 0,
      points: 0,
      images: [],
    };
    failure.findings += 1;
    if (!failure.images.includes(reference)) failure.images.push(reference);
    byKey.set(key, failure);
  }
  return [...byKey.values()];
}
