import {
  gradeOf,
  SEVERITIES,
  type EntityImages,
  type ImageResult,
} from '@container-scorecard/plugin-container-scorecard-common';
import { countsSchema, gradeSchema, severitySchema, type Zod } from './schemas';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Image findings listed after the definition fixes in "what to fix first". */
const LISTED_IMAGE_FINDINGS = 10;

/** Said wherever image findings appear next to a score, so nobody expects them to move it. */
export const IMAGE_SCORE_NOTE =
  "Image findings do not change the service's score (it is its container definitions' alone); " +
  'each image has a score of its own.';

/** The images of an entity's scorecard, as an assistant needs them. */
export const imagesSchema = (z: Zod) =>
  z.object({
    inspectedAt: z.string(),
    results: z.array(
      z.object({
        reference: z.string(),
        status: z.enum(['inspected', 'failed']),
        reason: z.string().optional(),
        score: z.number().optional(),
        grade: gradeSchema(z).optional(),
        counts: countsSchema(z),
        user: z.string().optional(),
        ageDays: z.number().optional(),
        signed: z.boolean().optional(),
      }),
    ),
    notInspected: z.array(
      z.object({ reference: z.string(), reason: z.string() }),
    ),
    note: z.string(),
  });

/** An image finding listed after the fixes that raise the score. */
export const imageFindingSchema = (z: Zod) =>
  z.object({
    reference: z.string(),
    ruleId: z.string(),
    severity: severitySchema(z),
    message: z.string(),
  });

/**
 * Each image's reference, status, "could not inspect" reason, score and grade, finding counts,
 * configured user and age in days. A `created` before 2000 is a reproducible build's fixed
 * timestamp, not an age, and is left out as the image rules leave it.
 */
export function summariseImages(images: EntityImages, now: Date) {
  return {
    inspectedAt: images.inspectedAt,
    results: images.results.map(image => ({
      reference: image.reference,
      status: image.status,
      reason: image.reason,
      score: image.score,
      grade: image.score === undefined ? undefined : gradeOf(image.score),
      counts: image.counts,
      user: image.user,
      ageDays: ageInDays(image.created, now),
      signed: image.signed,
    })),
    notInspected: images.notInspected,
    note: IMAGE_SCORE_NOTE,
  };
}

function ageInDays(created: string | undefined, now: Date) {
  const time = Date.parse(created ?? '');
  if (Number.isNaN(time) || time < Date.UTC(2000, 0, 1)) return undefined;
  return Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
}

/** The unwaived findings of the inspected images, worst severity first. */
export function imageFindingsToFix(images: EntityImages | undefined) {
  const rank = (severity: string) =>
    SEVERITIES.indexOf(severity as (typeof SEVERITIES)[number]);
  const all = (images?.results ?? []).flatMap((image: ImageResult) =>
    image.findings
      .filter(finding => !finding.suppressed)
      .map(finding => ({
        reference: image.reference,
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
      })),
  );
  return {
    total: all.length,
    listed: all
      .sort((a, b) => rank(a.severity) - rank(b.severity))
      .slice(0, LISTED_IMAGE_FINDINGS),
  };
}
