import type { Finding, PillarId, SeverityCounts } from '../model/types';
import {
  checkOptionValue,
  defaultOptionValues,
} from '../rules/framework/ruleOptions';
import { imageRules } from '../rules/image';
import type { ImageRule, ImageUsage } from '../rules/image';
import { scoreFindings } from '../scoring/scoreFindings';
import type { ImageInspection } from './inspectedImage';

/**
 * One image to score: its inspection, where it was named, and the digest its reference resolved
 * to at the previous scan (for `image-tag-moved`).
 *
 * @public
 */
export interface ImageScanInput {
  inspection: ImageInspection;
  usedBy: readonly ImageUsage[];
  previousDigest?: string;
}

/** @public */
export interface ImageScoringOptions {
  now: Date;
  /** Option values per image rule id, over the rules' defaults. */
  ruleOptions?: Record<string, Record<string, unknown>>;
  /** Image rule ids turned off. */
  disabledRules?: readonly string[];
}

/**
 * An image as the entity tab, the team view, the report and the CLI show it. Failed inspections
 * carry their reason and no score: they never change the definitions' scores.
 *
 * @public
 */
export interface ImageResult {
  reference: string;
  usedBy: readonly ImageUsage[];
  status: 'inspected' | 'failed';
  /** "could not inspect" reason, for failed inspections. */
  reason?: string;
  digest?: string;
  platforms?: string[];
  created?: string;
  compressedSize?: number;
  layerCount?: number;
  user?: string;
  signed?: boolean;
  /** 0–100, scored like a file; absent when the image could not be inspected. */
  score?: number;
  pillarScores?: Record<PillarId, number>;
  /** `path` is the reference and `snippet` the config value the finding is about. */
  findings: Finding[];
  counts: SeverityCounts;
}

const NO_COUNTS: SeverityCounts = {
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
};
const AT_START = {
  start: { line: 1, column: 1 },
  end: { line: 1, column: 1 },
};

/** Option values of each image rule, defaults overlaid with the configured ones (validated). */
function optionsOf(rule: ImageRule, configured: Record<string, unknown> = {}) {
  const values = defaultOptionValues(rule.options);
  for (const [name, value] of Object.entries(configured)) {
    const spec = rule.options?.[name];
    if (!spec) throw new Error(`${rule.id} has no option "${name}"`);
    const problem = checkOptionValue(spec, value);
    if (problem) throw new Error(`${rule.id} option "${name}" ${problem}`);
    values[name] = value;
  }
  return values;
}

/**
 * Runs the image rules on each inspected image and scores its findings with the same model as
 * files (severity weights, repeat decay, pillars). Pure: the same inputs give the same results.
 *
 * @public
 */
export function scoreImages(
  inputs: readonly ImageScanInput[],
  options: ImageScoringOptions,
): ImageResult[] {
  const rules = imageRules.filter(
    rule => !options.disabledRules?.includes(rule.id),
  );
  const ruleOptions = new Map(
    rules.map(rule => [
      rule.id,
      optionsOf(rule, options.ruleOptions?.[rule.id]),
    ]),
  );
  const pillarOf = (ruleId: string) =>
    imageRules.find(rule => rule.id === ruleId)?.pillar;
  return inputs.map(({ inspection, usedBy, previousDigest }) => {
    if (inspection.status === 'failed') {
      return {
        reference: inspection.reference,
        usedBy,
        status: 'failed',
        reason: inspection.reason,
        findings: [],
        counts: { ...NO_COUNTS },
      };
    }
    const { image } = inspection;
    const findings: Finding[] = rules.flatMap(rule =>
      rule
        .check({
          image,
          previousDigest,
          usedBy,
          now: options.now,
          options: ruleOptions.get(rule.id),
        })
        .map(report => ({
          ruleId: rule.id,
          severity: rule.severity,
          message: report.message ?? rule.message,
          path: image.reference,
          range: AT_START,
          snippet: report.evidence,
        })),
    );
    const scored = scoreFindings(findings, pillarOf);
    return {
      reference: image.reference,
      usedBy,
      status: 'inspected',
      digest: image.digest,
      platforms: image.platforms,
      ...(image.config.created ? { created: image.config.created } : {}),
      compressedSize: image.compressedSize,
      layerCount: image.layerCount,
      user: image.config.user ?? '',
      ...(image.supplyChain ? { signed: image.supplyChain.signed } : {}),
      score: scored.score,
      pillarScores: scored.pillarScores,
      findings: scored.findings,
      counts: scored.counts,
    };
  });
}
