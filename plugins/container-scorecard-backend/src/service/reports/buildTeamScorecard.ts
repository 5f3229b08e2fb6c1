import { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type {
  ApiGrade,
  ScorecardStatus,
  TeamScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import { daysBefore } from '../../database/rowMapping';
import { CatalogAccess } from '../access/CatalogAccess';
import { lowerCaseEnUs, ownerOf, refOf } from '../discovery/catalogEntities';
import {
  aggregateRows,
  loadServiceRows,
  notVisible,
  readStoredRefs,
  ServiceRow,
  toServiceSummary,
} from './serviceSummaries';

/** The query of the team endpoint, validated by the OpenAPI spec. */
export interface TeamQuery {
  days: number;
  limit: number;
  offset: number;
  sort?: 'name' | 'score' | 'grade' | 'trend' | 'owner';
  order: 'asc' | 'desc';
  q?: string;
  grade?: ApiGrade[];
  status?: ScorecardStatus;
}

/**
 * A team's scorecard: every service owned by the group or any group below it that the caller
 * can see; the score and trend cover all of them, the list is filtered, sorted and paged.
 */
export async function buildTeamScorecard(options: {
  access: CatalogAccess;
  store: ScorecardStore;
  credentials: BackstageCredentials;
  groupRef: string;
  query: TeamQuery;
  now: Date;
  /** The caller's catalog answer when already read (the team cache keys on it). */
  loaded?: { group: Entity; groups: Set<string>; owned: Entity[] };
}): Promise<TeamScorecard> {
  const { access, store, credentials, query } = options;
  const { group, refs: groups } = options.loaded
    ? { group: options.loaded.group, refs: options.loaded.groups }
    : await access.groupWithDescendants(options.groupRef, credentials);
  const sinceDay = daysBefore(options.now, query.days);
  const family = [...groups];
  const [owned, stored, storedCount] = await Promise.all([
    options.loaded?.owned ?? teamEntities(access, groups, credentials),
    readStoredRefs(store, family),
    store.countEntities(),
  ]);
  const hidden = notVisible(stored, owned);
  const [rows, trend] = await Promise.all([
    loadServiceRows(store, owned, sinceDay, {
      wholeStore: hidden.length === 0 && stored.length === storedCount,
    }),
    store.history.ownerTrend(sinceDay, family, hidden),
  ]);
  const total = aggregateRows(rows);

  const selected = sortRows(filterRows(rows, query), query);
  const page = selected.slice(query.offset, query.offset + query.limit);
  const result: TeamScorecard = {
    teamRef: refOf(group),
    serviceCount: rows.length,
    analysedCount: total.analysedCount,
    services: {
      items: page.map(toServiceSummary),
      totalCount: selected.length,
      offset: query.offset,
      limit: query.limit,
    },
    trend,
  };
  if (group.metadata.title) result.title = group.metadata.title;
  if (total.score !== undefined) result.score = total.score;
  if (total.grade) result.grade = total.grade;
  return result;
}

/** The rows a team or roll-up query keeps (search, grades, status). */
export function filterRows(rows: ServiceRow[], query: TeamQuery): ServiceRow[] {
  const text = query.q && lowerCaseEnUs(query.q);
  return rows.filter(
    row =>
      (!text ||
        row.entityRef.includes(text) ||
        (row.title && lowerCaseEnUs(row.title).includes(text)) ||
        row.worstRule?.ruleId.includes(text)) &&
      (!query.grade?.length ||
        (row.grade && query.grade.includes(row.grade))) &&
      (!query.status || row.status === query.status),
  );
}

/** Rows without a value for the sort key go last whatever the order. */
export function sortRows(
  rows: ServiceRow[],
  query: Pick<TeamQuery, 'sort' | 'order'>,
): ServiceRow[] {
  const key = query.sort ?? 'name';
  const direction = query.order === 'desc' ? -1 : 1;
  // What `localeCompare` does, without building a collator for each of the many comparisons.
  const compareText = new Intl.Collator().compare;
  const valueOf = (row: ServiceRow): string | number | undefined => {
    switch (key) {
      case 'score':
        return row.score;
      case 'grade':
        return row.grade;
      case 'trend':
        return row.trend;
      case 'owner':
        return row.owner;
      default:
        return lowerCaseEnUs(row.title ?? row.entityRef);
    }
  };
  const keyed = rows.map(row => ({ row, value: valueOf(row) }));
  keyed.sort(({ row: a, value: va }, { row: b, value: vb }) => {
    if (va === undefined || vb === undefined) {
      if (va === vb) return compareText(a.entityRef, b.entityRef);
      return va === undefined ? 1 : -1;
    }
    const compared =
      typeof va === 'number' && typeof vb === 'number'
        ? va - vb
        : compareText(String(va), String(vb));
    return compared * direction || compareText(a.entityRef, b.entityRef);
  });
  return keyed.map(({ row }) => row);
}

/** The entities in scope owned by `groups` that the caller can see. */
export async function teamEntities(
  access: CatalogAccess,
  groups: Set<string>,
  credentials: BackstageCredentials,
): Promise<Entity[]> {
  const entities = await access.entitiesOwnedBy(groups, credentials);
  return entities.filter(entity =>
    groups.has(lowerCaseEnUs(ownerOf(entity) ?? '')),
  );
}
