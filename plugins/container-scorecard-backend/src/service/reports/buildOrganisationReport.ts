import { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  FailingRule,
  Mover,
  OrganisationReport,
  RuleMetadata,
  TeamRanking,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import { daysBefore } from '../../database/rowMapping';
import { CatalogAccess, GroupTree } from '../access/CatalogAccess';
import { lowerCaseEnUs, ownerOf } from '../discovery/catalogEntities';
import {
  aggregateRows,
  loadServiceRows,
  notVisible,
  readStoredRefs,
  ServiceRow,
} from './serviceSummaries';

const TOP_MOVERS = 10;
const TOP_RULES = 10;

/** What the report covers: rows for the CSV export, the report itself for the page. */
export interface OrganisationReportData {
  report: OrganisationReport;
  rows: ServiceRow[];
}

/**
 * The managers' report over the services the caller can see (optionally one group and its
 * sub-groups): teams ranked, movers, the rules failing most, coverage and the trend.
 */
export async function buildOrganisationReport(options: {
  access: CatalogAccess;
  store: ScorecardStore;
  credentials: BackstageCredentials;
  rules: ReadonlyMap<string, RuleMetadata>;
  days: number;
  groupRef?: string;
  now: Date;
  /** The caller's catalog answer when already read (the report cache keys on it). */
  loaded?: { visible: Entity[]; tree: GroupTree };
}): Promise<OrganisationReportData> {
  const { access, store, credentials, days, now } = options;
  const sinceDay = daysBefore(now, days);
  const [visible, tree, allStored] = await Promise.all([
    options.loaded?.visible ?? access.entitiesInScope(credentials),
    options.loaded?.tree ?? access.groupTree(credentials),
    options.groupRef ? undefined : readStoredRefs(store),
  ]);
  let entities = visible;
  let family: Set<string> | undefined;
  if (options.groupRef) {
    family = (
      await access.groupWithDescendants(options.groupRef, credentials, tree)
    ).refs;
    entities = entities.filter(e =>
      family!.has(lowerCaseEnUs(ownerOf(e) ?? '')),
    );
  }
  const owners = family ? [...family] : undefined;
  const hidden = notVisible(
    allStored ?? (await readStoredRefs(store, owners)),
    visible,
  );
  const [rows, trend, failing] = await Promise.all([
    loadServiceRows(store, entities, sinceDay, {
      wholeStore: hidden.length === 0 && !family,
    }),
    store.history.ownerTrend(sinceDay, owners, hidden),
    store.history.failingRules({ owners, hiddenRefs: hidden }),
  ]);
  const teams = rankTeams(tree, rows);
  const total = aggregateRows(rows);

  const report: OrganisationReport = {
    periodDays: days,
    generatedAt: now.toISOString(),
    trend,
    teams,
    movers: moversOf(rows),
    // Ranked by what the rules cost across the scope: a low rule on every service must not
    // hide a critical one on a few.
    topFailingRules: failing
      .sort(
        (a, b) =>
          b.points - a.points ||
          b.services - a.services ||
          b.findings - a.findings ||
          a.ruleId.localeCompare(b.ruleId),
      )
      .slice(0, TOP_RULES)
      .map(rule => {
        const title = options.rules.get(rule.ruleId)?.title;
        const points = Math.round(rule.points * 10) / 10;
        return { ...rule, points, ...(title ? { title } : {}) } as FailingRule;
      }),
    coverage: {
      services: rows.length,
      analysed: rows.filter(r => r.status === 'analysed').length,
      noDefinitions: rows.filter(r => r.status === 'no-definitions').length,
      couldNotAnalyse: rows.filter(r => r.status === 'could-not-analyse')
        .length,
      notScanned: rows.filter(r => r.status === 'not-scanned').length,
    },
  };
  if (total.score !== undefined) report.score = total.score;
  if (total.grade) report.grade = total.grade;
  return { report, rows };
}

/**
 * Teams are the groups that own services directly; each is scored over what it owns through its
 * sub-groups too, so a parent team is not flattered or punished by where work sits below it.
 */
function rankTeams(tree: GroupTree, rows: ServiceRow[]): TeamRanking[] {
  const byOwner = new Map<string, ServiceRow[]>();
  for (const row of rows) {
    if (!row.owner) continue;
    const owned = byOwner.get(row.owner);
    if (owned) owned.push(row);
    else byOwner.set(row.owner, [row]);
  }
  const owners = [...byOwner.keys()];
  const rankings: TeamRanking[] = [];
  for (const owner of owners) {
    const group = tree.get(owner);
    if (!group) continue; // users, and groups the caller cannot see, are not ranked
    const owned = [...tree.descendants(owner)].flatMap(
      ref => byOwner.get(ref) ?? [],
    );
    const total = aggregateRows(owned);
    const ranking: TeamRanking = {
      teamRef: owner,
      serviceCount: owned.length,
      analysedCount: total.analysedCount,
    };
    if (group.metadata.title) ranking.title = group.metadata.title;
    if (total.score !== undefined) ranking.score = total.score;
    if (total.grade) ranking.grade = total.grade;
    const moved = owned.filter(r => r.score !== undefined && r.from);
    if (moved.length) {
      const delta =
        moved.reduce((sum, r) => sum + (r.score! - r.from!.score), 0) /
        moved.length;
      ranking.delta = Math.round(delta * 10) / 10;
    }
    rankings.push(ranking);
  }
  return rankings.sort(
    (a, b) =>
      (b.score ?? -1) - (a.score ?? -1) || a.teamRef.localeCompare(b.teamRef),
  );
}

function moversOf(rows: ServiceRow[]): OrganisationReport['movers'] {
  const movers: Mover[] = rows
    .filter(r => r.score !== undefined && r.from && r.score !== r.from.score)
    .map(r => {
      const mover: Mover = {
        entityRef: r.entityRef,
        owner: r.owner,
        from: r.from!.score,
        to: r.score!,
        delta: Math.round((r.score! - r.from!.score) * 10) / 10,
        rulesetChanged: r.from!.rulesetVersion !== r.rulesetVersion,
      };
      if (r.title) mover.title = r.title;
      return mover;
    });
  return {
    improved: movers
      .filter(m => m.delta > 0)
      .sort((a, b) => b.delta - a.delta)
      .slice(0, TOP_MOVERS),
    regressed: movers
      .filter(m => m.delta < 0)
      .sort((a, b) => a.delta - b.delta)
      .slice(0, TOP_MOVERS),
  };
}
