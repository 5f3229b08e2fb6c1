import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  gradeOf,
  SEVERITIES,
  type ApiFinding,
  type EntityScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { buildEntityScorecard } from '../reports/buildEntityScorecard';
import { entityTabPath } from '../links/entityTabPath';
import {
  countsSchema,
  entityRefInput,
  findingSchema,
  gradeSchema,
  statusSchema,
} from './schemas';
import {
  IMAGE_SCORE_NOTE,
  imageFindingSchema,
  imageFindingsToFix,
  imagesSchema,
  summariseImages,
} from './imageSummaries';
import { explain, explanationSchema } from './ruleExplanation';
import { ScorecardActionDeps, visibleEntityRef } from './types';

/** Findings listed in an entity's scorecard answer; the counts cover all of them. */
const LISTED_FINDINGS = 20;
/** Findings listed as "fix first" when the entity is already graded A. */
const LISTED_AT_TOP_GRADE = 10;
/** Files listed in an entity's scorecard answer. */
const LISTED_FILES = 50;

/** The entity's scorecard and what to fix first: the remediation tab, as answers. */
export function registerEntityActions(
  registry: ActionsRegistryService,
  deps: ScorecardActionDeps,
) {
  registry.register({
    name: 'get-entity-scorecard',
    title: 'Container scorecard of an entity',
    description:
      'The container scorecard of one catalog entity (a service): its 0-100 score and A-F grade, ' +
      'severity counts, every container definition scanned (Dockerfiles, compose files, ' +
      'Kubernetes manifests, Helm charts) with its own score, and its worst findings with file and ' +
      'line. Status "not-scanned" means no scan has run yet; "could-not-analyse" is not a zero. ' +
      'With image inspection on, its images too (reference, status, score, findings, user, ' +
      "age); their findings are in the counts but not in the service's score.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          status: statusSchema(z),
          score: z.number().optional(),
          grade: gradeSchema(z).optional(),
          counts: countsSchema(z),
          analysedAt: z.string().optional(),
          rulesetVersion: z.string().optional(),
          error: z.string().optional(),
          files: z.array(
            z.object({
              path: z.string(),
              kind: z.string(),
              status: z.string(),
              score: z.number().optional(),
              grade: gradeSchema(z).optional(),
              findings: z.number(),
              error: z.string().optional(),
            }),
          ),
          filesTotal: z.number(),
          worstFindings: z.array(findingSchema(z)),
          findingsTotal: z.number(),
          nextGrade: z
            .object({
              grade: gradeSchema(z),
              score: z.number(),
              fixes: z.number(),
            })
            .optional(),
          images: imagesSchema(z).optional(),
          link: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const scorecard = await scorecardOf(deps, input.entityRef, credentials);
      const findings = rankFindings(scorecard);
      return {
        output: {
          entityRef: scorecard.entityRef,
          status: scorecard.status,
          score: scorecard.score,
          grade: scorecard.grade,
          counts: scorecard.counts,
          analysedAt: scorecard.analysedAt,
          rulesetVersion: scorecard.rulesetVersion,
          error: scorecard.error,
          files: scorecard.files.slice(0, LISTED_FILES).map(file => ({
            path: file.path,
            kind: file.kind,
            status: file.status,
            score: file.score,
            grade: file.grade,
            findings: file.findingsTotal ?? file.findings.length,
            error: file.error,
          })),
          filesTotal: scorecard.files.length,
          worstFindings: findings.slice(0, LISTED_FINDINGS).map(toFinding),
          findingsTotal: findings.length,
          nextGrade: scorecard.nextGrade && {
            grade: scorecard.nextGrade.grade,
            score: scorecard.nextGrade.score,
            fixes: scorecard.nextGrade.findings.length,
          },
          images:
            scorecard.images && summariseImages(scorecard.images, deps.now()),
          link: entityTabPath(scorecard.entityRef),
        },
      };
    },
  });

  registry.register({
    name: 'what-to-fix-first',
    title: 'What should this service fix first',
    description:
      'The fewest container findings whose fix lifts one service to its next grade (an exact ' +
      'plan over the scoring model, heaviest first), each with its file and line, and for each ' +
      'rule involved why it matters and how to fix it, with a before/after example. At grade A, ' +
      'the findings that still cost points. Then the findings of its inspected images, which ' +
      "are worth fixing but do not change the service's score.",
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({ entityRef: entityRefInput(z) }),
      output: z =>
        z.object({
          entityRef: z.string(),
          status: statusSchema(z),
          score: z.number().optional(),
          grade: gradeSchema(z).optional(),
          target: z
            .object({ grade: gradeSchema(z), score: z.number() })
            .optional(),
          summary: z.string(),
          fixes: z.array(findingSchema(z)),
          rules: z.array(explanationSchema(z)),
          imageFindings: z.array(imageFindingSchema(z)).optional(),
          imageFindingsTotal: z.number().optional(),
          link: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const scorecard = await scorecardOf(deps, input.entityRef, credentials);
      const { summary, fixes } = planFixes(scorecard);
      const images = imageFindingsToFix(scorecard.images);
      const ruleIds = [
        ...new Set([...fixes, ...images.listed].map(fix => fix.ruleId)),
      ];
      const byId = new Map(deps.ruleCatalogue.rules.map(r => [r.id, r]));
      return {
        output: {
          entityRef: scorecard.entityRef,
          status: scorecard.status,
          score: scorecard.score,
          grade: scorecard.grade,
          target: scorecard.nextGrade && {
            grade: scorecard.nextGrade.grade,
            score: scorecard.nextGrade.score,
          },
          summary: images.total
            ? `${summary} Its images also have ${images.total} finding(s), listed after ` +
              `these (imageFindings). ${IMAGE_SCORE_NOTE}`
            : summary,
          fixes,
          rules: ruleIds.flatMap(id => {
            const rule = byId.get(id);
            return rule ? [explain(rule)] : [];
          }),
          ...(scorecard.images
            ? {
                imageFindings: images.listed,
                imageFindingsTotal: images.total,
              }
            : {}),
          link: entityTabPath(scorecard.entityRef),
        },
      };
    },
  });
}

// Every finding is needed to rank them; the store reads them all for the next-grade plan anyway.
async function scorecardOf(
  deps: ScorecardActionDeps,
  entityRefText: string,
  credentials: Parameters<typeof visibleEntityRef>[2],
): Promise<EntityScorecard> {
  const entityRef = await visibleEntityRef(
    deps.access,
    entityRefText,
    credentials,
  );
  return buildEntityScorecard(deps.store, entityRef, {
    findingsPerFile: Number.MAX_SAFE_INTEGER,
    withImages: deps.images?.enabled,
  });
}

type Fix = ReturnType<typeof toFinding>;

function planFixes(scorecard: EntityScorecard): {
  summary: string;
  fixes: Fix[];
} {
  if (scorecard.status !== 'analysed') {
    return {
      summary: notAnalysedSummary(scorecard),
      fixes: [],
    };
  }
  const plan = scorecard.nextGrade;
  if (plan) {
    return {
      // The plan aims at the next grade; the score it reaches may be higher still.
      summary:
        `Fixing these ${plan.findings.length} finding(s) lifts ${scorecard.entityRef} from ` +
        `${scorecard.grade} (${scorecard.score}) to ${gradeOf(plan.score)} (${
          plan.score
        }).`,
      // The plan only lists findings that cost points: none of them is waived.
      fixes: plan.findings.map(toFinding),
    };
  }
  const costly = rankFindings(scorecard).filter(
    finding => !isWaived(finding) && (finding.penalty ?? 1) > 0,
  );
  return {
    summary: costly.length
      ? `${scorecard.entityRef} is graded ${scorecard.grade} (${scorecard.score}); these ` +
        'findings still cost points, heaviest first.'
      : `${scorecard.entityRef} has no finding that costs points.`,
    fixes: costly.slice(0, LISTED_AT_TOP_GRADE).map(toFinding),
  };
}

function notAnalysedSummary(scorecard: EntityScorecard): string {
  switch (scorecard.status) {
    case 'not-scanned':
      return `${scorecard.entityRef} has not been scanned yet.`;
    case 'no-definitions':
      return `${scorecard.entityRef} has no container definitions to score.`;
    default:
      return `${scorecard.entityRef} could not be analysed${
        scorecard.error ? `: ${scorecard.error}` : ''
      }.`;
  }
}

/** Unwaived before waived, then worst severity, then most points, then position. */
function rankFindings(scorecard: EntityScorecard): ApiFinding[] {
  const rank = (severity: string) =>
    SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);
  return scorecard.files
    .flatMap(file => file.findings)
    .sort(
      (a, b) =>
        Number(isWaived(a)) - Number(isWaived(b)) ||
        rank(a.severity) - rank(b.severity) ||
        (b.penalty ?? 0) - (a.penalty ?? 0) ||
        a.path.localeCompare(b.path) ||
        a.range.start.line - b.range.start.line,
    );
}

/** An expired waiver no longer waives: its finding costs points again. */
function isWaived(finding: Pick<ApiFinding, 'suppressed'>): boolean {
  return Boolean(finding.suppressed && !finding.suppressed.expired);
}

function toFinding(
  finding: Pick<
    ApiFinding,
    'ruleId' | 'severity' | 'message' | 'path' | 'range' | 'penalty'
  > &
    Partial<Pick<ApiFinding, 'suppressed'>>,
) {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    message: finding.message,
    path: finding.path,
    line: finding.range.start.line,
    ...(finding.penalty !== undefined ? { penalty: finding.penalty } : {}),
    ...(isWaived(finding) ? { waived: true } : {}),
  };
}
