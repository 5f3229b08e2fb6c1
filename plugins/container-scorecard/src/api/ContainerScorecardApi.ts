import { createApiRef } from '@backstage/core-plugin-api';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import type {
  ApiFinding,
  EntityHistory,
  EntityScorecard,
  OrganisationReport,
  RuleCatalogue,
  RuleFailuresReport,
  ScanStatus,
  ServiceSummary,
  TeamScorecard,
  TeamScorecardQuery,
} from '@container-scorecard/plugin-container-scorecard-common';

/** What the backend reports about itself. @public */
export interface ScannerHealth {
  status: 'ok' | 'error';
  database: 'ok' | 'unreachable' | 'missing-tables';
}

/** Which period (and optionally which group) an organisation report covers. @public */
export interface OrganisationReportQuery {
  /** The period in days, counting back from today (the backend defaults to 90). */
  days?: number;
  /** Limits the report to one group and its sub-groups, as a group entity ref. */
  group?: string;
}

/** One page of one file's findings. @public */
export interface FindingPage {
  entityRef: string;
  path: string;
  /** How many findings the file has in all. */
  total: number;
  offset: number;
  limit: number;
  items: ApiFinding[];
}

/** A group entity, by namespace and name. @public */
export interface TeamRef {
  namespace: string;
  name: string;
}

/**
 * The frontend's view of the Container Scorecard backend: one method per route of
 * `plugins/container-scorecard-backend/src/schema/openapi.yaml`. Every method rejects with a
 * `ResponseError` when the backend answers with an error.
 *
 * @public
 */
export interface ContainerScorecardApi {
  getHealth(): Promise<ScannerHealth>;
  /**
   * The latest result for one entity, with every file and the first findings of each (the
   * backend's default page); `findingsTotal` on a file tells how many it has in all.
   */
  getEntityScorecard(entity: CompoundEntityRef): Promise<EntityScorecard>;
  /**
   * Score, grade and counts of up to 100 entities (full refs) in one request, for a table
   * column. Entities the caller cannot see are absent; visible unscanned ones are `not-scanned`.
   */
  getEntitySummaries(
    entityRefs: string[],
  ): Promise<{ items: ServiceSummary[] }>;
  /** A further page of one file's findings (the file's path as the scorecard gives it). */
  getFileFindings(
    entity: CompoundEntityRef,
    path: string,
    page: { offset: number; limit?: number },
  ): Promise<FindingPage>;
  /** Daily snapshots of the entity's score, oldest first. */
  getEntityHistory(
    entity: CompoundEntityRef,
    options?: { days?: number },
  ): Promise<EntityHistory>;
  /** Scans the entity now; needs the rescan permission. Resolves to the new scorecard. */
  rescanEntity(entity: CompoundEntityRef): Promise<EntityScorecard>;
  /** The group's services (directly and through sub-groups), one page at a time. */
  getTeamScorecard(
    team: TeamRef,
    query?: TeamScorecardQuery,
  ): Promise<TeamScorecard>;
  /** The roll-up of a System or Domain: its services, in the team scorecard's shape. */
  getRollupScorecard(
    kind: 'system' | 'domain',
    entity: TeamRef,
    query?: TeamScorecardQuery,
  ): Promise<TeamScorecard>;
  getOrganisationReport(
    query?: OrganisationReportQuery,
  ): Promise<OrganisationReport>;
  /** The report as CSV text, one row per service. */
  getReportCsv(query?: OrganisationReportQuery): Promise<string>;
  /** The report's findings as CSV text, one row per finding of each service. */
  getReportFindingsCsv(query?: OrganisationReportQuery): Promise<string>;
  /** Which services fail each rule in the scope (the caller's view of it). */
  getRuleFailures(query?: OrganisationReportQuery): Promise<RuleFailuresReport>;
  getRules(): Promise<RuleCatalogue>;
  getScanStatus(): Promise<ScanStatus>;
}

/** @public */
export const containerScorecardApiRef = createApiRef<ContainerScorecardApi>({
  id: 'plugin.container-scorecard.service',
});
