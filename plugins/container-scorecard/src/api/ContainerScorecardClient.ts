import type { CompoundEntityRef } from '@backstage/catalog-model';
import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
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
import {
  ContainerScorecardApi,
  FindingPage,
  OrganisationReportQuery,
  ScannerHealth,
  TeamRef,
} from './ContainerScorecardApi';

type QueryValue = string | number | readonly string[] | undefined;

/** Talks to the backend plugin over HTTP with the signed-in user's credentials. @public */
export class ContainerScorecardClient implements ContainerScorecardApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<ScannerHealth> {
    return this.json<ScannerHealth>('/health');
  }

  async getEntityScorecard(
    entity: CompoundEntityRef,
  ): Promise<EntityScorecard> {
    return this.json<EntityScorecard>(`${entityPath(entity)}/scorecard`);
  }

  async getEntitySummaries(
    entityRefs: string[],
  ): Promise<{ items: ServiceSummary[] }> {
    return this.json<{ items: ServiceSummary[] }>('/entities/summaries', {
      refs: entityRefs,
    });
  }

  async getFileFindings(
    entity: CompoundEntityRef,
    path: string,
    page: { offset: number; limit?: number },
  ): Promise<FindingPage> {
    return this.json<FindingPage>(`${entityPath(entity)}/findings`, {
      path,
      offset: page.offset,
      limit: page.limit,
    });
  }

  async getEntityHistory(
    entity: CompoundEntityRef,
    options: { days?: number } = {},
  ): Promise<EntityHistory> {
    return this.json<EntityHistory>(`${entityPath(entity)}/history`, {
      days: options.days,
    });
  }

  async rescanEntity(entity: CompoundEntityRef): Promise<EntityScorecard> {
    return this.json<EntityScorecard>(
      `${entityPath(entity)}/rescan`,
      {},
      { method: 'POST' },
    );
  }

  async getTeamScorecard(
    team: TeamRef,
    query: TeamScorecardQuery = {},
  ): Promise<TeamScorecard> {
    return this.json<TeamScorecard>(
      `/teams/${segment(team.namespace)}/${segment(team.name)}/scorecard`,
      {
        days: query.days,
        limit: query.limit,
        offset: query.offset,
        sort: query.sort,
        order: query.order,
        q: query.q || undefined,
        grade: query.grade,
        status: query.status,
      },
    );
  }

  async getRollupScorecard(
    kind: 'system' | 'domain',
    entity: TeamRef,
    query: TeamScorecardQuery = {},
  ): Promise<TeamScorecard> {
    return this.json<TeamScorecard>(
      `/rollups/${kind}/${segment(entity.namespace)}/${segment(
        entity.name,
      )}/scorecard`,
      {
        days: query.days,
        limit: query.limit,
        offset: query.offset,
        sort: query.sort,
        order: query.order,
        q: query.q || undefined,
        grade: query.grade,
        status: query.status,
      },
    );
  }

  async getOrganisationReport(
    query: OrganisationReportQuery = {},
  ): Promise<OrganisationReport> {
    return this.json<OrganisationReport>('/report', {
      days: query.days,
      group: query.group,
    });
  }

  async getReportCsv(query: OrganisationReportQuery = {}): Promise<string> {
    const response = await this.request('/report/export.csv', {
      days: query.days,
      group: query.group,
    });
    return response.text();
  }

  async getReportFindingsCsv(
    query: OrganisationReportQuery = {},
  ): Promise<string> {
    const response = await this.request('/report/findings.csv', {
      days: query.days,
      group: query.group,
    });
    return response.text();
  }

  async getRuleFailures(
    query: OrganisationReportQuery = {},
  ): Promise<RuleFailuresReport> {
    return this.json<RuleFailuresReport>('/report/rules', {
      days: query.days,
      group: query.group,
    });
  }

  async getRules(): Promise<RuleCatalogue> {
    return this.json<RuleCatalogue>('/rules');
  }

  async getScanStatus(): Promise<ScanStatus> {
    return this.json<ScanStatus>('/scans/status');
  }

  private async json<T>(
    path: string,
    query: Record<string, QueryValue> = {},
    init?: RequestInit,
  ): Promise<T> {
    const response = await this.request(path, query, init);
    return (await response.json()) as T;
  }

  private async request(
    path: string,
    query: Record<string, QueryValue>,
    init?: RequestInit,
  ): Promise<Response> {
    const baseUrl = await this.discoveryApi.getBaseUrl('container-scorecard');
    const response = await this.fetchApi.fetch(
      `${baseUrl}${path}${queryString(query)}`,
      init,
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }
}

function segment(value: string): string {
  return encodeURIComponent(value);
}

// Entity kinds are case-insensitive in Backstage; the lower-case form is the canonical one in refs.
function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${segment(
    entity.kind.toLocaleLowerCase('en-US'),
  )}/${segment(entity.namespace)}/${segment(entity.name)}`;
}

// Arrays are sent comma-separated: the spec declares them `style: form, explode: false`.
function queryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
