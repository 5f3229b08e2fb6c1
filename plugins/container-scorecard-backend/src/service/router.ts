import {
  HttpAuthService,
  LoggerService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { createValidatedOpenApiRouter } from '@backstage/backend-openapi-utils';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  containerScorecardRescanPermission,
  type RuleCatalogue,
  type RuleFailuresReport,
  type RuleMetadata,
  type TeamScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import express from 'express';
import { ScorecardStore } from '../database/ScorecardStore';
import { daysBefore } from '../database/rowMapping';
import { spec } from '../schema/openapi.generated';
import { CatalogAccess, groupTreeOf } from './access/CatalogAccess';
import { CallerVisibleSets, principalKeyOf } from './access/CallerVisibleSets';
import {
  buildEntityHistory,
  buildEntityScorecard,
} from './reports/buildEntityScorecard';
import { buildEntitySummaries } from './reports/buildEntitySummaries';
import {
  buildOrganisationReport,
  OrganisationReportData,
} from './reports/buildOrganisationReport';
import { buildRollupScorecard } from './reports/buildRollupScorecard';
import { buildRuleFailures } from './reports/buildRuleFailures';
import {
  buildTeamScorecard,
  teamEntities,
  TeamQuery,
} from './reports/buildTeamScorecard';
import { cachedForCaller } from './reports/cachedForCaller';
import { ConcurrencyLimit } from './reports/ConcurrencyLimit';
import {
  prepareBody,
  PreparedBody,
  sendPrepared,
} from './reports/PreparedBody';
import {
  DEFAULT_REPORT_CACHE_TTL_MS,
  ReportCache,
} from './reports/ReportCache';
import {
  findingsToCsv,
  reportFileName,
  toCsv,
  withFileErrors,
} from './reports/toCsv';
import { RUN_HEARTBEAT_MS, ScanService } from './scanning/ScanService';
import { sanitiseErrors } from './errors/sanitiseErrors';
import { buildSearchDocuments } from '../search/buildSearchDocuments';

/**
 * Findings sent per file unless the caller asks for fewer or more (up to the spec's maximum): a
 * compose file of 10,000 services has 50,000 findings, tens of megabytes as one answer.
 */
const FINDINGS_PER_FILE = 100;

/** Organisation reports (and their exports) computed at once per backend; the rest queue. */
const REPORTS_AT_ONCE = 2;

/** What the router needs from the plugin. */
export interface RouterOptions {
  logger: LoggerService;
  store: ScorecardStore;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  access: CatalogAccess;
  scanService: ScanService;
  ruleCatalogue: RuleCatalogue;
  rules: ReadonlyMap<string, RuleMetadata>;
  /** Image inspection (`containerScorecard.images`): scorecards carry images only when on. */
  images?: { readonly enabled: boolean };
  /**
   * How long an organisation report (and its CSV) or a team scorecard is served again to callers
   * whose catalog answer is identical (`containerScorecard.reports.cacheTtl`). Default 30
   * seconds; 0 keeps nothing but still shares a computation between concurrent identical requests.
   */
  reportCacheTtlMs?: number;
  /** A seam for tests: counts or replaces the report computation. */
  buildReport?: typeof buildOrganisationReport;
  /**
   * Check every answer against the spec as well. On by default under test, so the spec the
   * frontend builds against and what the backend sends cannot drift apart unnoticed.
   */
  validateResponses?: boolean;
  now?: () => Date;
  /** When the scheduled scan starts next, given when the last run started and how it ended. */
  nextScanAt?: (
    lastStartedAt: Date | undefined,
    now: Date,
    lastRun: { lastRunAbandoned: boolean },
  ) => Date | undefined;
}

/** Builds the plugin's HTTP API, validated against `openapi.yaml`. */
export async function createRouter(
  options: RouterOptions,
): Promise<express.Router> {
  const { logger, store, httpAuth, permissions, access, scanService } = options;
  const now = options.now ?? (() => new Date());
  const router = createValidatedOpenApiRouter<typeof spec>(spec, {
    validatorOptions:
      options.validateResponses ?? process.env.NODE_ENV === 'test'
        ? { validateResponses: true }
        : undefined,
  });

  // Reports "ok" only when the plugin's own database answers, so a broken connection shows here
  // rather than as empty scorecards.
  router.get('/health', async (_req, res) => {
    try {
      await store.ping();
    } catch (error) {
      logger.error(`Health check could not reach the database: ${error}`);
      res.status(503).json({ status: 'error', database: 'unreachable' });
      return;
    }
    // A database that answers but lost the plugin's tables cannot serve a single scorecard.
    const broken = await store.listBrokenTables();
    if (broken.length > 0) {
      logger.error(
        `Health check: the tables ${broken.join(', ')} do not answer`,
      );
      res.status(503).json({ status: 'error', database: 'missing-tables' });
      return;
    }
    res.json({ status: 'ok', database: 'ok' });
  });

  // A catalog table page's column: one request for the page, the caller's catalog access per row.
  router.get('/entities/summaries', async (req, res) => {
    res.json(
      (await buildEntitySummaries({
        access,
        store,
        credentials: await httpAuth.credentials(req),
        refs: req.query.refs,
      })) as any,
    );
  });

  // Every scanned entity's findings: only for backend services (the search collator). The
  // search backend filters each document by catalog read permission when a user searches.
  router.get('/search/documents', async (req, res) => {
    await httpAuth.credentials(req, { allow: ['service'] });
    res.json(
      (await buildSearchDocuments({
        store,
        rules: options.rules,
        after: req.query.after,
        limit: req.query.limit ?? 50,
      })) as any,
    );
  });

  router.get('/entities/:kind/:namespace/:name/scorecard', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entity = await access.requireEntity(
      refOfParams(req.params),
      credentials,
    );
    res.json(
      (await buildEntityScorecard(
        store,
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        {
          findingsPerFile: req.query.findingsPerFile ?? FINDINGS_PER_FILE,
          withImages: options.images?.enabled,
        },
      )) as any,
    );
  });

  router.get('/entities/:kind/:namespace/:name/findings', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entity = await access.requireEntity(
      refOfParams(req.params),
      credentials,
    );
    const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    const offset = req.query.offset ?? 0;
    const limit = req.query.limit ?? FINDINGS_PER_FILE;
    const page = await store.getFileFindings(entityRef, req.query.path, {
      offset,
      limit,
    });
    if (!page) {
      throw new NotFoundError(`No file ${req.query.path} in ${entityRef}`);
    }
    res.json({
      entityRef,
      path: req.query.path,
      total: page.total,
      offset,
      limit,
      items: page.findings,
    } as any);
  });

  router.get('/entities/:kind/:namespace/:name/history', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const entity = await access.requireEntity(
      refOfParams(req.params),
      credentials,
    );
    const days = req.query.days ?? 90;
    res.json(
      (await buildEntityHistory(
        store,
        stringifyEntityRef(entity).toLocaleLowerCase('en-US'),
        daysBefore(now(), days),
      )) as any,
    );
  });

  router.post('/entities/:kind/:namespace/:name/rescan', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const [decision] = await permissions.authorize(
      [{ permission: containerScorecardRescanPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError('Not allowed to rescan container scorecards');
    }
    // The caller must also see the entity: a rescan must not reveal that a hidden entity exists.
    const entity = await access.requireEntity(
      refOfParams(req.params),
      credentials,
    );
    const entityRef = stringifyEntityRef(entity).toLocaleLowerCase('en-US');
    await scanService.rescan(entityRef);
    res.json(
      (await buildEntityScorecard(store, entityRef, {
        findingsPerFile: req.query.findingsPerFile ?? FINDINGS_PER_FILE,
        withImages: options.images?.enabled,
      })) as any,
    );
  });

  // A team's scorecard is memoised like the report: keyed by the team's visible services and
  // groups as the caller's catalog answer gives them, plus the whole query; that answer's digest
  // is remembered per caller and team for the same window.
  const ttlMs = options.reportCacheTtlMs ?? DEFAULT_REPORT_CACHE_TTL_MS;
  const teamCache = new ReportCache<TeamScorecard>({ ttlMs, maxEntries: 512 });
  const teamSets = new CallerVisibleSets({ ttlMs });
  router.get('/teams/:namespace/:name/scorecard', async (req, res) => {
    const credentials = await httpAuth.credentials(req);
    const query = serviceTableQuery(req.query);
    const groupRef = `group:${req.params.namespace}/${req.params.name}`;
    const teamRef = refOfParams({ kind: 'group', ...req.params });
    // A group the caller cannot see fails the read, so it is never remembered: always 404.
    const teamOf = (groups: Entity[]) =>
      access.groupWithDescendants(groupRef, credentials, groupTreeOf(groups));
    const { value: scorecard } = await cachedForCaller({
      principal: `${principalKeyOf(credentials)}\t${teamRef}`,
      visibleSets: teamSets,
      read: async () => {
        const groups = await access.groups(credentials);
        const { refs } = await teamOf(groups);
        return {
          visible: await teamEntities(access, refs, credentials),
          groups,
        };
      },
      cache: teamCache,
      keyOf: digest => JSON.stringify([teamRef, query, digest]),
      compute: async ({ visible, groups }) => {
        const { group, refs } = await teamOf(groups);
        return buildTeamScorecard({
          access,
          store,
          credentials,
          groupRef,
          query,
          now: now(),
          loaded: { group, groups: refs, owned: visible },
        });
      },
    });
    res.json(scorecard as any);
  });

  router.get('/rollups/:kind/:namespace/:name/scorecard', async (req, res) => {
    const scorecard = await buildRollupScorecard({
      access,
      store,
      credentials: await httpAuth.credentials(req),
      entityRef: `${req.params.kind}:${req.params.namespace}/${req.params.name}`,
      query: serviceTableQuery(req.query),
      now: now(),
    });
    res.json(scorecard as any);
  });

  // The JSON report and its CSV export are one computation, so they can never disagree. A few
  // at a time: more interleaved finish no sooner on CPU-bound work, each holding every visible
  // entity meanwhile. Computed answers are kept briefly per caller-visible set (ReportCache), and
  // each caller's visible set is remembered for the same window (CallerVisibleSets), so a cached
  // report is found without reading the caller's whole catalog answer again.
  const reportLimit = new ConcurrencyLimit(REPORTS_AT_ONCE);
  const reportCache = new ReportCache<OrganisationReportData>({ ttlMs });
  const csvCache = new ReportCache<PreparedBody>({ ttlMs });
  const visibleSets = new CallerVisibleSets({ ttlMs });
  const buildReport = options.buildReport ?? buildOrganisationReport;
  const organisationReportFor = async (
    req: Parameters<typeof httpAuth.credentials>[0],
    query: { days?: number; group?: string },
  ) => {
    const credentials = await httpAuth.credentials(req);
    const days = query.days ?? 90;
    const { value, key } = await cachedForCaller({
      principal: principalKeyOf(credentials),
      visibleSets,
      read: async () => {
        const [visible, groups] = await Promise.all([
          access.entitiesInScope(credentials),
          access.groups(credentials),
        ]);
        return { visible, groups };
      },
      cache: reportCache,
      keyOf: digest => JSON.stringify([days, query.group ?? null, digest]),
      compute: ({ visible, groups }) =>
        reportLimit.run(() =>
          buildReport({
            access,
            store,
            credentials,
            rules: options.rules,
            days,
            groupRef: query.group,
            now: now(),
            loaded: { visible, tree: groupTreeOf(groups) },
          }),
        ),
    });
    return { ...value, key };
  };

  router.get('/report', async (req, res) => {
    const { report } = await organisationReportFor(req, req.query);
    res.json(report as any);
  });

  router.get('/report/export.csv', async (req, res) => {
    const { rows, key } = await organisationReportFor(req, req.query);
    // Copies: the file errors are added to each row, and the cached rows serve other routes.
    const csv = await csvCache.get(key, async () =>
      prepareBody(
        toCsv(
          await withFileErrors(
            store,
            rows.map(row => ({ ...row })),
          ),
        ),
      ),
    );
    res
      .status(200)
      .type('text/csv')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${reportFileName(req.query.group, now())}"`,
      );
    sendPrepared(req, res, csv);
  });

  // Derived from the same cached report, so kept under its key for the same window. Every
  // finding of every visible service is megabytes at 10,000 services: few of those are kept.
  const ruleFailuresCache = new ReportCache<RuleFailuresReport>({ ttlMs });
  const findingsCsvCache = new ReportCache<PreparedBody>({
    ttlMs,
    maxEntries: 8,
  });

  router.get('/report/rules', async (req, res) => {
    const { rows, key } = await organisationReportFor(req, req.query);
    res.json(
      (await ruleFailuresCache.get(key, () =>
        buildRuleFailures(store, rows, {
          withImages: options.images?.enabled,
        }),
      )) as any,
    );
  });

  router.get('/report/findings.csv', async (req, res) => {
    const { rows, key } = await organisationReportFor(req, req.query);
    const csv = await findingsCsvCache.get(key, async () => {
      const refs = rows.map(row => row.entityRef);
      const findings = await store.listFindings(refs);
      // Stored images outlive turning inspection off, but are no longer shown anywhere.
      const imageFindings = options.images?.enabled
        ? await store.images.findingsOf(refs)
        : [];
      return prepareBody(findingsToCsv(rows, findings, imageFindings));
    });
    res
      .status(200)
      .type('text/csv')
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${reportFileName(
          req.query.group,
          now(),
          'findings',
        )}"`,
      );
    sendPrepared(req, res, csv);
  });

  router.get('/rules', async (_req, res) => {
    res.json(options.ruleCatalogue as any);
  });

  // Only timing: a run's totals count every entity in scope, including those the caller cannot
  // see, and counting them per caller would cost a catalog query for a status line.
  router.get('/scans/status', async (_req, res) => {
    const latest = await store.latestRun();
    const at = now();
    const unfinished = latest?.outcome === 'running';
    // A run elsewhere beats its heart every RUN_HEARTBEAT_MS; three missed beats: its process died.
    const alive =
      unfinished &&
      (scanService.isRunning() ||
        at.getTime() - Date.parse(latest.heartbeatAt ?? latest.startedAt) <
          3 * RUN_HEARTBEAT_MS);
    const nextRunAt = options.nextScanAt?.(
      latest ? new Date(latest.startedAt) : undefined,
      at,
      { lastRunAbandoned: unfinished && !alive },
    );
    res.json({
      running: scanService.isRunning() || Boolean(alive),
      ...(nextRunAt ? { nextRunAt: nextRunAt.toISOString() } : {}),
      ...(latest
        ? {
            lastRun: {
              startedAt: latest.startedAt,
              ...(latest.finishedAt ? { finishedAt: latest.finishedAt } : {}),
              ...(latest.durationMs !== undefined
                ? { durationMs: latest.durationMs }
                : {}),
              outcome: unfinished && !alive ? 'abandoned' : latest.outcome,
              ...(latest.outcomeReason
                ? { outcomeReason: latest.outcomeReason }
                : {}),
            },
          }
        : {}),
    });
  });

  router.use(sanitiseErrors(logger));
  return router;
}

/** A team's or roll-up's table of services, as asked, with the defaults both routes use. */
function serviceTableQuery(
  q: Partial<Omit<TeamQuery, 'grade'>> & { grade?: readonly string[] },
): TeamQuery {
  return {
    days: q.days ?? 90,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
    sort: q.sort,
    order: q.order ?? 'asc',
    q: q.q,
    grade: q.grade as TeamQuery['grade'],
    status: q.status,
  };
}

function refOfParams(params: {
  kind: string;
  namespace: string;
  name: string;
}): string {
  return stringifyEntityRef(params).toLocaleLowerCase('en-US');
}
