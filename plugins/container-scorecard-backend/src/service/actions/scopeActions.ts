import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { ServiceSummary } from '@container-scorecard/plugin-container-scorecard-common';
import { buildOrganisationReport } from '../reports/buildOrganisationReport';
import { buildRollupScorecard } from '../reports/buildRollupScorecard';
import { buildRuleFailures } from '../reports/buildRuleFailures';
import {
  buildTeamScorecard,
  filterRows,
  sortRows,
  type TeamQuery,
} from '../reports/buildTeamScorecard';
import { toServiceSummary } from '../reports/serviceSummaries';
import { gradeSchema, serviceSummarySchema, type Zod } from './schemas';
import type { ScorecardActionDeps } from './types';

/** The period trends cover, as the team page shows them by default. */
const TREND_DAYS = 90;

const limitInput = (z: Zod, fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(100)
    .default(fallback)
    .describe(`How many services to list (1-100, default ${fallback})`);

const scopeInput = (z: Zod, kinds: string) =>
  z
    .string()
    .optional()
    .describe(
      `Limit to a ${kinds} (e.g. "group:default/payments"; a bare name is a group); ` +
        'omit for every service the caller can see',
    );

/** Worst first: analysed services by ascending score, the way a team triages. */
const WORST_FIRST: TeamQuery = {
  days: TREND_DAYS,
  limit: 100,
  offset: 0,
  sort: 'score',
  order: 'asc',
  status: 'analysed',
};

/** Teams, systems, domains and the whole visible organisation: the roll-up pages, as answers. */
export function registerScopeActions(
  registry: ActionsRegistryService,
  deps: ScorecardActionDeps,
) {
  registry.register({
    name: 'get-team-scorecard',
    title: 'Container scorecard of a team',
    description:
      "A team's container scorecard: the score and grade over every service the group and its " +
      'sub-groups own, how it moved over the last 90 days, and its services worst first.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          groupRef: z
            .string()
            .min(1)
            .describe(
              'Group reference, e.g. "group:default/payments" or "payments"',
            ),
          limit: limitInput(z, 20),
        }),
      output: z =>
        z.object({
          teamRef: z.string(),
          title: z.string().optional(),
          score: z.number().optional(),
          grade: gradeSchema(z).optional(),
          serviceCount: z.number(),
          analysedCount: z.number(),
          scoreChange: z
            .object({ since: z.string(), from: z.number(), to: z.number() })
            .optional(),
          services: z.array(serviceSummarySchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const team = await buildTeamScorecard({
        ...readers(deps, credentials),
        groupRef: input.groupRef,
        query: { ...WORST_FIRST, status: undefined, limit: input.limit },
      });
      const first = team.trend[0];
      const last = team.trend[team.trend.length - 1];
      return {
        output: {
          teamRef: team.teamRef,
          title: team.title,
          score: team.score,
          grade: team.grade,
          serviceCount: team.serviceCount,
          analysedCount: team.analysedCount,
          scoreChange:
            first && last && first !== last
              ? { since: first.day, from: first.score, to: last.score }
              : undefined,
          services: team.services.items,
        },
      };
    },
  });

  registry.register({
    name: 'list-worst-services',
    title: 'Worst container scorecards',
    description:
      'The analysed services with the lowest container scores, worst first, in a team (with its ' +
      'sub-groups), a system, a domain, or everything the caller can see.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          scope: scopeInput(z, 'group, system or domain'),
          limit: limitInput(z, 10),
        }),
      output: z =>
        z.object({
          scope: z.string(),
          analysedCount: z.number(),
          services: z.array(serviceSummarySchema(z)),
        }),
    },
    action: async ({ input, credentials }) => {
      const { scope, services, analysedCount } = await worstServices(
        deps,
        credentials,
        input.scope,
        input.limit,
      );
      return { output: { scope, analysedCount, services } };
    },
  });

  registry.register({
    name: 'list-services-failing-rule',
    title: 'Services failing a container rule',
    description:
      'Which services fail one container scorecard rule (by rule id, e.g. "last-user-root"), ' +
      'with how many findings and points it costs each, most costly first; optionally within a ' +
      'team and its sub-groups. For an image rule (e.g. "image-runs-as-root"), the services ' +
      'whose inspected images have findings of it, with those images; they cost no points.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          ruleId: z.string().min(1),
          scope: scopeInput(z, 'group'),
          limit: limitInput(z, 20),
        }),
      output: z =>
        z.object({
          ruleId: z.string(),
          title: z.string(),
          servicesInScope: z.number(),
          failingServices: z.number(),
          findings: z.number(),
          services: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              findings: z.number(),
              points: z.number(),
              images: z.array(z.string()).optional(),
            }),
          ),
          note: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const rule = deps.ruleCatalogue.rules.find(r => r.id === input.ruleId);
      if (!rule) throw new NotFoundError(`No rule ${input.ruleId}`);
      const { rows } = await buildOrganisationReport({
        ...readers(deps, credentials),
        rules: deps.rules,
        days: TREND_DAYS,
        groupRef: input.scope,
      });
      const withImages = Boolean(deps.images?.enabled);
      const report = await buildRuleFailures(deps.store, rows, { withImages });
      const failures = report.rules.find(r => r.ruleId === rule.id);
      return {
        output: {
          ruleId: rule.id,
          title: rule.title,
          servicesInScope: report.servicesInScope,
          failingServices: failures?.services ?? 0,
          findings: failures?.findings ?? 0,
          services: (failures?.failing ?? []).slice(0, input.limit),
          note: imageRuleNote(rule.kind, withImages),
        },
      };
    },
  });
}

/** What an image rule's answer means, so "no service" is not read as "every image passes". */
function imageRuleNote(
  kind: string | undefined,
  withImages: boolean,
): string | undefined {
  if (kind !== 'image') return undefined;
  return withImages
    ? "Counted over each service's latest inspected images. Image findings never change a " +
        "service's score, so they cost no points."
    : 'Image inspection is off, so no image is checked against this rule.';
}

function readers(deps: ScorecardActionDeps, credentials: BackstageCredentials) {
  return {
    access: deps.access,
    store: deps.store,
    credentials,
    now: deps.now(),
  };
}

async function worstServices(
  deps: ScorecardActionDeps,
  credentials: BackstageCredentials,
  scope: string | undefined,
  limit: number,
): Promise<{
  scope: string;
  analysedCount: number;
  services: ServiceSummary[];
}> {
  const query = { ...WORST_FIRST, limit };
  if (!scope) {
    const { rows } = await buildOrganisationReport({
      ...readers(deps, credentials),
      rules: deps.rules,
      days: TREND_DAYS,
    });
    const analysed = sortRows(filterRows(rows, query), query);
    return {
      scope: 'everything visible to the caller',
      analysedCount: analysed.length,
      services: analysed.slice(0, limit).map(toServiceSummary),
    };
  }
  const ref = scopeRef(scope);
  const kind = ref.slice(0, ref.indexOf(':'));
  const scorecard =
    kind === 'group'
      ? await buildTeamScorecard({
          ...readers(deps, credentials),
          groupRef: ref,
          query,
        })
      : await buildRollupScorecard({
          ...readers(deps, credentials),
          entityRef: ref,
          query,
        });
  return {
    scope: ref,
    analysedCount: scorecard.services.totalCount,
    services: scorecard.services.items,
  };
}

function scopeRef(scope: string): string {
  let ref: string;
  try {
    ref = stringifyEntityRef(
      parseEntityRef(scope.trim(), {
        defaultKind: 'group',
        defaultNamespace: 'default',
      }),
    ).toLocaleLowerCase('en-US');
  } catch {
    throw new InputError(`${scope} is not a valid entity reference`);
  }
  if (!/^(group|system|domain):/.test(ref)) {
    throw new InputError(`${scope} is not a group, system or domain`);
  }
  return ref;
}
