import { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { TeamScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../../database/ScorecardStore';
import { daysBefore } from '../../database/rowMapping';
import { CatalogAccess } from '../access/CatalogAccess';
import { lowerCaseEnUs, refOf } from '../discovery/catalogEntities';
import {
  aggregateRows,
  loadServiceRows,
  toServiceSummary,
} from './serviceSummaries';
import { filterRows, sortRows, TeamQuery } from './buildTeamScorecard';

/**
 * The roll-up of a System (its services: the entities in scope that are part of it) or of a
 * Domain (the services of its systems), in the team scorecard's shape: the score over all of
 * them, the mean daily score as the trend, the services filtered, sorted and paged. Only what
 * the caller can see in the catalog counts; a system or domain the caller cannot see is 404.
 */
export async function buildRollupScorecard(options: {
  access: CatalogAccess;
  store: ScorecardStore;
  credentials: BackstageCredentials;
  entityRef: string;
  query: TeamQuery;
  now: Date;
}): Promise<TeamScorecard> {
  const { access, store, credentials, query } = options;
  const entity = await access.requireEntity(options.entityRef, credentials);
  const ref = refOf(entity);
  const kind = lowerCaseEnUs(entity.kind);
  const parents =
    kind === 'domain'
      ? await access.systemsOfDomain(ref, credentials)
      : new Set([ref]);
  const members = (await access.entitiesInScope(credentials)).filter(e =>
    (e.relations ?? []).some(
      relation =>
        relation.type === 'partOf' &&
        parents.has(lowerCaseEnUs(relation.targetRef)),
    ),
  );
  const sinceDay = daysBefore(options.now, query.days);
  const refs = members.map(refOf);
  const [rows, trend] = await Promise.all([
    loadServiceRows(store, members, sinceDay),
    refs.length ? store.history.trend(sinceDay, refs) : Promise.resolve([]),
  ]);
  const total = aggregateRows(rows);
  const selected = sortRows(filterRows(rows, query), query);
  const page = selected.slice(query.offset, query.offset + query.limit);
  const result: TeamScorecard = {
    teamRef: ref,
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
  if (entity.metadata.title) result.title = entity.metadata.title;
  if (total.score !== undefined) result.score = total.score;
  if (total.grade) result.grade = total.grade;
  return result;
}
