import type { FileResult, Finding, PillarId } from '../../model/types';
import { isRootUser } from '../../rules/image/image-runs-as-root';
import { builtInRules } from '../../engine/builtInRules';
import { gradeOf } from '../../scoring/scoringModel';
import type { ImageResult } from '../scoreImages';

/**
 * The Dockerfile rules that report a final stage whose user is the base image's default, which
 * only the base image's config can tell. The registry's `User` settles them.
 */
const UNSURE_ABOUT_BASE_USER: ReadonlySet<string> = new Set([
  'no-user-in-final-stage',
]);

/** The pillar those rules score in (the penalty moves back there when a finding is dropped). */
const PILLAR: PillarId = 'least-privilege';

function pillarOf(ruleId: string): PillarId | undefined {
  return builtInRules.find(rule => rule.id === ruleId)?.pillar;
}

/**
 * What the registry answered for one Dockerfile: its base image runs as a non-root user (the
 * finding is dropped) or as root (the finding stays, with the registry's answer in its message).
 *
 * @public
 */
export interface BaseImageUserSettlement {
  /** The Dockerfile. */
  path: string;
  ruleId: string;
  /** The final stage's base image, as the Dockerfile names it. */
  reference: string;
  /** The config `User` the registry gave (`""` when the image sets none). */
  user: string;
  outcome: 'dropped' | 'confirmed';
  /** One sentence for reports: what the registry said and what became of the finding. */
  note: string;
}

/** What the post-step needs of an image result (`ImageResult` has it). @public */
export type BaseImageUserAnswer = Pick<
  ImageResult,
  'reference' | 'status' | 'user'
>;

/**
 * Settles the Dockerfile findings that depend on the base image's unknown user with the
 * inspected images: when the image a Dockerfile's final stage is built on sets a non-root
 * `User`, `no-user-in-final-stage` is dropped and the file re-scored (its penalty returned);
 * when the image runs as root, the finding stays and its message names the registry's answer.
 * Images that could not be inspected settle nothing. Pure: inputs are not modified.
 *
 * A dropped finding never lowers a score (it gives back exactly its penalty), so the scoring
 * principles hold: the registry can only confirm or lift this finding.
 *
 * @public
 */
export function settleBaseImageUsers(
  results: readonly FileResult[],
  images: readonly BaseImageUserAnswer[],
): { results: FileResult[]; settlements: BaseImageUserSettlement[] } {
  const answers = new Map(
    images
      .filter(image => image.status === 'inspected')
      .map(image => [image.reference, image.user ?? ''] as const),
  );
  const settlements: BaseImageUserSettlement[] = [];
  const settled = results.map(result => {
    if (result.kind !== 'dockerfile' || result.status !== 'analysed')
      return result;
    const base = result.images.find(image => image.finalStageBase)?.ref;
    const user = base === undefined ? undefined : answers.get(base);
    if (base === undefined || user === undefined) return result;
    const unsure = result.findings.filter(f =>
      UNSURE_ABOUT_BASE_USER.has(f.ruleId),
    );
    if (unsure.length === 0) return result;
    const root = isRootUser(user);
    for (const finding of unsure) {
      settlements.push({
        path: result.path,
        ruleId: finding.ruleId,
        reference: base,
        user,
        outcome: root ? 'confirmed' : 'dropped',
        note: root
          ? `The registry confirms ${finding.ruleId}: ${base} ${userPhrase(
              user,
            )}.`
          : `${
              finding.ruleId
            } was settled by the registry: ${base} runs as user ${JSON.stringify(
              user,
            )}.`,
      });
    }
    return root ? confirm(result, base, user) : drop(result, new Set(unsure));
  });
  return { results: settled, settlements };
}

function userPhrase(user: string): string {
  return user.trim() === ''
    ? 'sets no User, so it runs as root'
    : `runs as root (User ${JSON.stringify(user)})`;
}

/** The findings stay; their message says what the registry answered. */
function confirm(result: FileResult, base: string, user: string): FileResult {
  return {
    ...result,
    findings: result.findings.map(finding =>
      UNSURE_ABOUT_BASE_USER.has(finding.ruleId)
        ? {
            ...finding,
            message: `${
              finding.message
            } The registry confirms it: the base image ${base} ${userPhrase(
              user,
            )}.`,
          }
        : finding,
    ),
  };
}

/**
 * Removes the findings and gives back their penalties. Each such rule reports at most one
 * finding per file (the final stage), so the other findings' penalties do not move (repeat decay
 * is per rule) and the new score is the old one plus the penalty: penalties of a rule's first
 * finding are whole numbers, so the rounding of the old score carries over exactly.
 */
function drop(result: FileResult, dropped: ReadonlySet<Finding>): FileResult {
  const kept = result.findings.filter(f => !dropped.has(f));
  const counts = { ...result.counts };
  let suppressedCount = result.suppressedCount;
  let returned = 0;
  for (const finding of dropped) {
    if (finding.suppressed) {
      suppressedCount--;
      continue;
    }
    counts[finding.severity]--;
    returned += finding.penalty ?? 0;
  }
  if (result.score === undefined || returned === 0) {
    return { ...result, findings: kept, counts, suppressedCount };
  }
  const listedComplete = !result.limitsReached?.some(
    l => l.limit === 'findings-per-rule',
  );
  const score = raised(result.score, returned, kept, listedComplete);
  const pillarScores = result.pillarScores && {
    ...result.pillarScores,
    [PILLAR]: raised(
      result.pillarScores[PILLAR],
      returned,
      kept.filter(f => pillarOf(f.ruleId) === PILLAR),
      listedComplete,
    ),
  };
  return {
    ...result,
    findings: kept,
    counts,
    suppressedCount,
    score,
    grade: gradeOf(score),
    ...(pillarScores ? { pillarScores } : {}),
  };
}

/**
 * A score with `returned` points given back. Above 0 the old score was not clamped, so adding
 * is exact. At 0 it was clamped and the total penalty is only known from the listed findings
 * when none were left out; otherwise it stays 0 (never more than we can prove).
 */
function raised(
  score: number,
  returned: number,
  remaining: readonly Finding[],
  listedComplete: boolean,
): number {
  if (score > 0) return Math.min(100, score + returned);
  if (!listedComplete) return 0;
  const total = remaining.reduce((sum, f) => sum + (f.penalty ?? 0), 0);
  return Math.max(0, Math.round(100 - total));
}
