import {
  imageRules,
  type ApiFinding,
  type ApiPillar,
  type ImageResult,
  type ImageUsage,
  type RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sizes in MiB, labelled MB, as the image rules' limits and the CLI report count them. */
const MB = 1024 * 1024;

/**
 * `sha256:` and the first 12 hex digits: as `docker images` shortens ids, enough to tell digests
 * apart by eye; the full digest stays one click away (copy).
 */
export function shortDigest(digest: string): string {
  const [algorithm, hex] = digest.split(':');
  return hex ? `${algorithm}:${hex.slice(0, 12)}` : digest.slice(0, 19);
}

/**
 * How long ago an image was built, in whole days ("412 days"). Reproducible builders write a fixed
 * `created` (the Unix epoch): before 2000 it says nothing about age, as the image-too-old rule
 * also reads it.
 */
export function imageAge(created: string | undefined, now: Date): string {
  const time = Date.parse(created ?? '');
  if (Number.isNaN(time)) return 'unknown';
  if (time < Date.UTC(2000, 0, 1)) return 'unknown (fixed build date)';
  const days = Math.max(0, Math.floor((now.getTime() - time) / DAY_MS));
  return `${days} day${days === 1 ? '' : 's'}`;
}

/** Compressed size with one decimal, e.g. "182.4 MB". */
export function megabytes(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${(bytes / MB).toFixed(1)} MB`;
}

/** An empty `User` runs the process as uid 0: say so rather than show a blank. */
export function userLabel(user: string | undefined): string {
  if (user === undefined) return '–';
  return user.trim() === '' ? 'root (no User set)' : user;
}

/** Unknown is not "no": the signature lookup may have failed, and the rule then stays silent. */
export function signedLabel(signed: boolean | undefined): string {
  if (signed === undefined) return 'Unknown';
  return signed ? 'Yes' : 'No';
}

const USAGE_LABELS: Record<ImageUsage, string> = {
  dockerfile: 'a Dockerfile (final stage base)',
  compose: 'a Compose file',
  kubernetes: 'a Kubernetes manifest',
  annotation: 'the container-scorecard.io/images annotation',
};

/** Where an image is named, e.g. "Used by a Compose file and a Kubernetes manifest". */
export function usedByText(usedBy: readonly ImageUsage[]): string {
  const labels = [...new Set(usedBy)].map(usage => USAGE_LABELS[usage]);
  if (labels.length === 0) return 'Used by: not recorded';
  const last = labels.pop();
  return `Used by ${labels.length ? `${labels.join(', ')} and ` : ''}${last}`;
}

/**
 * Image rules as the rule catalogue describes them, for a backend whose catalogue lacks them
 * (before image rules were served): their findings are then described but not linked.
 */
export const IMAGE_RULE_SUMMARIES: ReadonlyMap<string, RuleSummary> = new Map(
  imageRules.map(rule => [
    rule.id,
    {
      id: rule.id,
      title: rule.title,
      pillar: rule.pillar,
      severity: rule.severity,
      kind: 'image',
      // The catalogue's file kinds: an image rule applies to none of them.
      appliesTo: [],
      message: rule.message,
      rationale: rule.rationale,
      remediation: {
        text: rule.remediation.description,
        before: rule.remediation.before,
        after: rule.remediation.after,
      },
      equivalents: {},
      fixable: false,
    },
  ]),
);

/**
 * An image finding in the API's finding shape, so it groups and renders like a file finding. The
 * engine's image findings carry no pillar: it is the rule's.
 */
export function imageFindingAsApiFinding(
  finding: ImageResult['findings'][number],
): ApiFinding {
  const pillar: ApiPillar =
    (finding as { pillar?: ApiPillar }).pillar ??
    IMAGE_RULE_SUMMARIES.get(finding.ruleId)?.pillar ??
    'immutable';
  return {
    ruleId: finding.ruleId,
    pillar,
    severity: finding.severity,
    message: finding.message,
    path: finding.path,
    range: finding.range,
    snippet: finding.snippet,
    ...(finding.penalty !== undefined ? { penalty: finding.penalty } : {}),
  };
}

function countOf(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

/**
 * One sentence over all images: how many were scored, failed, or skipped, and how many image
 * findings they have.
 */
export function imagesSummary(images: {
  results: readonly ImageResult[];
  notInspected: readonly unknown[];
}): string {
  const inspected = images.results.filter(r => r.status === 'inspected');
  const failed = images.results.length - inspected.length;
  const findings = inspected.reduce((n, r) => n + r.findings.length, 0);
  const parts = [`${countOf(inspected.length, 'image')} inspected`];
  if (failed > 0) parts.push(`${failed} could not be inspected`);
  if (images.notInspected.length > 0)
    parts.push(`${images.notInspected.length} not inspected`);
  return `${parts.join(', ')}; ${countOf(findings, 'image finding')}.`;
}
