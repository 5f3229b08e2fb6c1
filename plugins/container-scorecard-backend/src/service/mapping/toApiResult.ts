import {
  classifyContainerFile,
  type ApiFileKind,
  type ApiFileSource,
  type ApiLimitReached,
  type ApiFinding,
  type ApiPillar,
  type FileResult,
  type FileScorecard,
  type Finding,
  type LimitReached,
  type RepositoryResult,
  type RuleCount,
  type RuleMetadata,
  type SeverityCounts,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { EntityResultInput } from '../../database/types';
import { SEVERITY_ORDER } from '../../database/rowMapping';
import type { RepositoryTree } from '../reading/types';

/**
 * The one place engine results become API shapes: nothing else in the backend reads engine
 * types, so the engine can change its internals without changing the REST API.
 */
export type ApiResult = Pick<
  EntityResultInput,
  | 'status'
  | 'rulesetVersion'
  | 'score'
  | 'grade'
  | 'pillarScores'
  | 'counts'
  | 'worstRule'
  | 'files'
  | 'partial'
>;

const ZERO: SeverityCounts = {
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
};

/** Maps an engine result (plus files too large to fetch) to what the store and the API keep. */
export function toApiResult(
  result: RepositoryResult,
  tree: Pick<
    RepositoryTree,
    | 'oversized'
    | 'refused'
    | 'browseBaseUrl'
    | 'browseBaseUrls'
    | 'limitsReached'
  >,
  rules: ReadonlyMap<string, RuleMetadata>,
  maxFileBytes: number,
): ApiResult {
  const files: FileScorecard[] = result.files
    .filter(file => file.status !== 'not-applicable')
    .map(file =>
      toFileScorecard(file, rules, tree.browseBaseUrl, tree.browseBaseUrls),
    );
  for (const { path, size, kind } of tree.oversized) {
    files.push({
      path,
      kind: kind ?? kindOfPath(path),
      status: 'could-not-analyse',
      error: `The file is ${size} bytes, above the limit of ${maxFileBytes} bytes`,
      counts: { ...ZERO },
      findings: [],
      url: linkTo(path, tree.browseBaseUrl, tree.browseBaseUrls),
      ...withSource(path, tree.browseBaseUrls),
    });
  }
  for (const { path, reason } of tree.refused ?? []) {
    files.push({
      path,
      kind: kindOfPath(path),
      status: 'could-not-analyse',
      error: reason,
      counts: { ...ZERO },
      findings: [],
      ...withSource(path, tree.browseBaseUrls),
    });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));

  const aggregate = result.aggregate;
  const partial = tree.limitsReached?.map(toApiLimit);
  let status: ApiResult['status'] = 'could-not-analyse';
  // Nothing found because a limit stopped the search is not "no definitions": it is unknown.
  if (files.length === 0 && !partial?.length) status = 'no-definitions';
  else if (aggregate.status === 'scored') status = 'analysed';
  return {
    ...(partial?.length ? { partial } : {}),
    status,
    rulesetVersion: result.rulesetVersion,
    score: aggregate.score,
    grade: aggregate.grade,
    pillarScores: aggregate.pillarScores,
    counts: { ...aggregate.counts },
    worstRule: worstRuleOf(files.flatMap(f => f.findings)),
    files,
  };
}

function toFileScorecard(
  file: FileResult,
  rules: ReadonlyMap<string, RuleMetadata>,
  browseBaseUrl: string | undefined,
  browseBaseUrls?: RepositoryTree['browseBaseUrls'],
): FileScorecard {
  const scorecard: FileScorecard = {
    path: file.path,
    kind: file.kind ?? kindOfPath(file.path),
    status: file.status === 'analysed' ? 'analysed' : 'could-not-analyse',
    counts: { ...file.counts },
    findings: file.findings.map(finding => toApiFinding(finding, rules)),
  };
  if (file.error) scorecard.error = `${file.error.code}: ${file.error.message}`;
  if (file.limitsReached?.length) {
    scorecard.partial = file.limitsReached.map(toApiLimit);
  }
  if (file.score !== undefined) scorecard.score = file.score;
  if (file.grade) scorecard.grade = file.grade;
  if (file.pillarScores) scorecard.pillarScores = { ...file.pillarScores };
  if (file.rendering) scorecard.rendering = { ...file.rendering };
  const url = linkTo(file.path, browseBaseUrl, browseBaseUrls);
  if (url) scorecard.url = url;
  const source = sourceOf(file.path, browseBaseUrls);
  if (source) scorecard.source = source;
  // A finding on a rendered chart may point into a values file: it links there, to its line.
  scorecard.findings.forEach((finding, i) => {
    if (finding.path === file.path) return;
    const findingUrl = linkTo(finding.path, browseBaseUrl, browseBaseUrls);
    if (findingUrl)
      finding.url = `${findingUrl}#L${file.findings[i].range.start.line}`;
  });
  return scorecard;
}

function toApiLimit(limit: LimitReached): ApiLimitReached {
  return { limit: limit.limit, message: limit.message, omitted: limit.omitted };
}

function toApiFinding(
  finding: Finding,
  rules: ReadonlyMap<string, RuleMetadata>,
): ApiFinding {
  const api: ApiFinding = {
    ruleId: finding.ruleId,
    // Every finding comes from a registered rule; the fallback only guards a future engine change.
    pillar: (rules.get(finding.ruleId)?.pillar ?? 'simplicity') as ApiPillar,
    severity: finding.severity,
    message: finding.message,
    path: finding.path,
    range: finding.range,
    snippet: finding.snippet,
  };
  if (finding.fix?.length) {
    api.fix = {
      description: rules.get(finding.ruleId)?.remediation.description,
      edits: finding.fix,
      ...(finding.fixPreview ? { preview: finding.fixPreview } : {}),
    };
  }
  if (finding.penalty !== undefined) api.penalty = finding.penalty;
  if (finding.renderedFrom) api.renderedFrom = { ...finding.renderedFrom };
  const waiver = finding.suppressed ?? finding.expiredSuppression;
  if (waiver) {
    api.suppressed = {
      source: waiver.source,
      reason: waiver.reason,
      ...(waiver.until ? { until: waiver.until } : {}),
      ...(finding.suppressed ? {} : { expired: true }),
    };
  }
  return api;
}

/** The rule that hurts most: the worst severity first, then the most findings. */
function worstRuleOf(findings: ApiFinding[]): RuleCount | undefined {
  const counts = new Map<string, RuleCount>();
  for (const finding of findings) {
    if (finding.suppressed && !finding.suppressed.expired) continue;
    if (finding.severity === 'info') continue;
    const entry = counts.get(finding.ruleId) ?? {
      ruleId: finding.ruleId,
      severity: finding.severity,
      count: 0,
    };
    entry.count += 1;
    counts.set(finding.ruleId, entry);
  }
  return [...counts.values()].sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
      b.count - a.count ||
      a.ruleId.localeCompare(b.ruleId),
  )[0];
}

/** Files the engine could not parse carry no kind of their own; their name tells it. */
function kindOfPath(path: string): ApiFileKind {
  const kind = classifyContainerFile(path);
  return kind === 'kubernetes-candidate' ? 'kubernetes' : kind ?? 'dockerfile';
}

function linkTo(
  fullPath: string,
  primaryBase: string | undefined,
  prefixed: RepositoryTree['browseBaseUrls'] = [],
): string | undefined {
  // A file of an extra source (`@<label>/...`) links into that source.
  const source = prefixed.find(p => fullPath.startsWith(p.prefix));
  const path = source ? fullPath.slice(source.prefix.length) : fullPath;
  const base = source ? source.url : primaryBase;
  if (!base) return undefined;
  try {
    return new URL(
      path.split('/').map(encodeURIComponent).join('/'),
      base,
    ).toString();
  } catch {
    return undefined;
  }
}

/**
 * The extra source a file was read from, by its `@<label>/` prefix. The prefix stays in the
 * path: paths identify a file in stored history, in waivers and in finding pages, and two sources
 * may hold the same path; the source is shown next to it instead.
 */
function sourceOf(
  path: string,
  prefixed: RepositoryTree['browseBaseUrls'] = [],
): ApiFileSource | undefined {
  const source = prefixed.find(p => path.startsWith(p.prefix));
  return source?.label && source.location
    ? { label: source.label, location: source.location }
    : undefined;
}

function withSource(
  path: string,
  prefixed: RepositoryTree['browseBaseUrls'],
): { source?: ApiFileSource } {
  const source = sourceOf(path, prefixed);
  return source ? { source } : {};
}
