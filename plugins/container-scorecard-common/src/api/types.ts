/*
 * The shapes of the backend's REST API (plugins/container-scorecard-backend/src/schema/openapi.yaml),
 * shared by the backend that produces them and the frontend that shows them.
 */

import type { ImageResult } from '../images/scoreImages';

/** @public */
export type ApiSeverity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** @public */
export type ApiGrade = 'A' | 'B' | 'C' | 'D' | 'F';

/** @public */
export type ApiPillar =
  | 'one-concern'
  | 'immutable'
  | 'config-outside'
  | 'state-outside'
  | 'least-privilege'
  | 'minimal'
  | 'lifecycle'
  | 'simplicity';

/** @public */
export type ApiFileKind = 'dockerfile' | 'compose' | 'kubernetes';

/**
 * analysed: scored. could-not-analyse: the repository or a file could not be read or parsed
 * (never a zero, never a pass). no-definitions: no container definitions in the repository.
 * not-scanned: no scan has finished yet.
 *
 * @public
 */
export type ScorecardStatus =
  | 'analysed'
  | 'could-not-analyse'
  | 'no-definitions'
  | 'not-scanned';

/** @public */
export type SeverityCounts = Record<ApiSeverity, number>;

/** Sub-score 0–100 per pillar that has at least one applicable rule. @public */
export type PillarScores = Partial<Record<ApiPillar, number>>;

/** 1-based line and column. @public */
export interface ApiPosition {
  line: number;
  column: number;
}

/** @public */
export interface ApiRange {
  start: ApiPosition;
  end: ApiPosition;
}

/** @public */
export interface ApiTextEdit {
  range: ApiRange;
  newText: string;
}

/** One line of a fix's diff. @public */
export interface ApiFixPreviewLine {
  kind: 'context' | 'removed' | 'added';
  text: string;
}

/** One hunk of a fix's unified diff; starts are 1-based lines before and after the fix. @public */
export interface ApiFixPreviewHunk {
  oldStart: number;
  newStart: number;
  lines: ApiFixPreviewLine[];
}

/** @public */
export interface ApiFix {
  description?: string;
  edits: ApiTextEdit[];
  /**
   * The fix as a unified diff of the file's whole lines with a few lines of context, computed by
   * the engine from the file's text (absent in results stored before it existed).
   */
  preview?: { hunks: ApiFixPreviewHunk[] };
}

/** @public */
export interface ApiSuppression {
  source: 'inline' | 'hadolint' | 'config' | 'annotation';
  reason?: string;
  /** YYYY-MM-DD */
  until?: string;
  expired?: boolean;
}

/** @public */
export interface ApiFinding {
  ruleId: string;
  pillar: ApiPillar;
  severity: ApiSeverity;
  message: string;
  path: string;
  range: ApiRange;
  /** The offending text. */
  snippet: string;
  fix?: ApiFix;
  suppressed?: ApiSuppression;
  /**
   * Points this finding takes off its file's score (0 when waived or `info`; see
   * docs/scoring.md). Absent in results stored before it existed.
   */
  penalty?: number;
  /** Set on findings of rendered files: where the flagged text was rendered from. */
  renderedFrom?: ApiRenderedFrom;
  /**
   * Where to view the finding's line in source control, when the finding points at another file
   * than its result's (a values file of a rendered chart); otherwise use the file's `url`.
   */
  url?: string;
}

/**
 * A limit that cut a result short (see `LimitId` in the engine model): which one, what it left
 * out, how many items.
 *
 * @public
 */
export interface ApiLimitReached {
  limit: string;
  message: string;
  omitted: number;
}

/** @public */
export interface FileScorecard {
  /** Path inside the repository. */
  path: string;
  kind: ApiFileKind;
  status: 'analysed' | 'could-not-analyse';
  error?: string;
  score?: number;
  grade?: ApiGrade;
  pillarScores?: PillarScores;
  counts: SeverityCounts;
  /**
   * The file's findings, or their first page: the scorecard route sends at most a set number per
   * file (see `findingsTotal`) and a route of its own pages through the rest.
   */
  findings: ApiFinding[];
  /** How many findings the file has in all; more than `findings.length` when paged. */
  findingsTotal?: number;
  /** Limits this file's analysis reached; absent when the result is complete. */
  partial?: ApiLimitReached[];
  /** Where to view the file in its source control system, when known. */
  url?: string;
  /** Set when the file was rendered before scoring (a Helm template): the chart and its values. */
  rendering?: ApiFileRendering;
  /**
   * Set when the file comes from one of the entity's extra sources
   * (`container-scorecard.io/extra-sources`), not from its own repository. Its `path` keeps the
   * `@<label>/` prefix: paths identify files in stored history, waivers and findings, and two
   * sources may hold the same path.
   */
  source?: ApiFileSource;
}

/**
 * The extra source a file was read from: the label the entity gives it and its location.
 *
 * @public
 */
export interface ApiFileSource {
  /** The source's label (`northwind-deploy`); the file's path starts with `@<label>/`. */
  label: string;
  /** Where the source lives: the location the annotation names (a URL, or `file:` in development). */
  location: string;
}

/**
 * How a rendered file was rendered: the unit (the chart's directory), the values files applied
 * in order, and what the user should know (subcharts not rendered).
 *
 * @public
 */
export interface ApiFileRendering {
  renderer: string;
  unit: string;
  valuesFiles?: string[];
  notes?: string[];
}

/**
 * Where a finding on a rendered file (a Helm template) was rendered from. The finding's own
 * `path` and `range` point where the fix goes: the values file's key when the value came from
 * values, else the template line.
 *
 * @public
 */
export interface ApiRenderedFrom {
  renderer: string;
  /** The template that wrote the flagged text. */
  path: string;
  range: ApiRange;
  /** The flagged text as rendered. */
  renderedSnippet: string;
  valuesPath?: string;
  /** The dotted values key (`securityContext.privileged`). */
  valuesKey?: string;
}

/** @public */
export interface EntityScorecard {
  entityRef: string;
  status: ScorecardStatus;
  /** Why the last attempt could not analyse; the last good result, if any, stays. */
  error?: string;
  lastAttemptAt?: string;
  analysedAt?: string;
  rulesetVersion?: string;
  score?: number;
  grade?: ApiGrade;
  pillarScores?: PillarScores;
  counts: SeverityCounts;
  files: FileScorecard[];
  /**
   * Limits the entity's scan reached (files, bytes or time): the result is partial and says what
   * it left out. File-level limits are on each file.
   */
  partial?: ApiLimitReached[];
  /**
   * The fewest findings whose fix lifts the entity to the next grade (see `planNextGrade`);
   * absent at grade A or when there is nothing to plan.
   */
  nextGrade?: ApiNextGrade;
  /** The images the entity runs, read from their registries; absent when image inspection is off. */
  images?: EntityImages;
}

/** A finding as the next-grade plan lists it. @public */
export type ApiFindingReference = Pick<
  ApiFinding,
  'ruleId' | 'severity' | 'message' | 'path' | 'range' | 'penalty'
>;

/** @public */
export interface ApiNextGrade {
  grade: ApiGrade;
  /** The entity score once the findings are fixed. */
  score: number;
  findings: ApiFindingReference[];
}

/** @public */
export interface HistoryPoint {
  /** YYYY-MM-DD */
  day: string;
  score: number;
  grade: ApiGrade;
  pillarScores?: PillarScores;
  counts: SeverityCounts;
  rulesetVersion: string;
}

/** @public */
export interface EntityHistory {
  entityRef: string;
  points: HistoryPoint[];
}

/** @public */
export interface TrendPoint {
  day: string;
  score: number;
}

/** @public */
export interface RuleCount {
  ruleId: string;
  severity: ApiSeverity;
  count: number;
}

/** @public */
export interface ServiceSummary {
  entityRef: string;
  title?: string;
  /** Owner entity ref. */
  owner: string;
  status: ScorecardStatus;
  score?: number;
  grade?: ApiGrade;
  /** Score now minus the score at the start of the period. */
  trend?: number;
  worstRule?: RuleCount;
  counts: SeverityCounts;
}

/** @public */
export interface ServicePage {
  items: ServiceSummary[];
  totalCount: number;
  offset: number;
  limit: number;
}

/** @public */
export interface TeamScorecard {
  teamRef: string;
  title?: string;
  score?: number;
  grade?: ApiGrade;
  serviceCount: number;
  analysedCount: number;
  services: ServicePage;
  trend: TrendPoint[];
}

/** @public */
export interface TeamScorecardQuery {
  days?: number;
  limit?: number;
  offset?: number;
  sort?: 'name' | 'score' | 'grade' | 'trend' | 'owner';
  order?: 'asc' | 'desc';
  q?: string;
  grade?: ApiGrade[];
  status?: ScorecardStatus;
}

/** @public */
export interface TeamRanking {
  teamRef: string;
  title?: string;
  score?: number;
  grade?: ApiGrade;
  /** Change in score over the period. */
  delta?: number;
  serviceCount: number;
  analysedCount: number;
}

/** @public */
export interface Mover {
  entityRef: string;
  title?: string;
  owner: string;
  from: number;
  to: number;
  delta: number;
  /** True when the ruleset changed in the period, so part of the move may come from the rules. */
  rulesetChanged?: boolean;
}

/** @public */
export interface FailingRule {
  ruleId: string;
  title?: string;
  pillar: ApiPillar;
  severity: ApiSeverity;
  findings: number;
  services: number;
  /** Points the rule's findings take off their files' scores across the scope. */
  points?: number;
}

/** @public */
export interface Coverage {
  services: number;
  analysed: number;
  noDefinitions: number;
  couldNotAnalyse: number;
  notScanned: number;
}

/** @public */
export interface OrganisationReport {
  periodDays: number;
  generatedAt: string;
  score?: number;
  grade?: ApiGrade;
  trend: TrendPoint[];
  teams: TeamRanking[];
  movers: { improved: Mover[]; regressed: Mover[] };
  topFailingRules: FailingRule[];
  coverage: Coverage;
}

/**
 * What a rule checks: `file`, the container definitions of a repository; `image`, the images
 * they name, as read from their registries (docs/images.md).
 *
 * @public
 */
export type ApiRuleKind = 'file' | 'image';

/** One option a rule accepts, and the value the running configuration gives it. @public */
export interface ApiRuleOption {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'string[]';
  description: string;
  default: string | number | boolean | string[];
  /** The configured value; absent when the default applies. */
  value?: string | number | boolean | string[];
}

/** @public */
export interface RuleSummary {
  id: string;
  title: string;
  pillar: ApiPillar;
  severity: ApiSeverity;
  enabled?: boolean;
  /**
   * `image` for the rules of inspected images, which apply to no file kind (`appliesTo` is
   * empty); `file` for the definitions' rules. Backends before image rules send none: a file rule.
   */
  kind?: ApiRuleKind;
  appliesTo: ApiFileKind[];
  message: string;
  rationale: string;
  remediation: { text?: string; before: string; after: string };
  equivalents: Record<string, string>;
  /** Peer tools' pages for the equivalents, by the same tool keys; absent when none is known. */
  equivalentLinks?: Record<string, string>;
  /** How far the equivalents really match, when they differ in scope. */
  equivalentsNote?: string;
  fixable: boolean;
  /** The options the rule accepts, in the order it declares them; absent when it has none. */
  options?: ApiRuleOption[];
}

/** @public */
export interface RuleCatalogue {
  rulesetVersion: string;
  rules: RuleSummary[];
}

/**
 * When the latest scan run started and ended, and how. Only timing: a run's totals would count
 * entities the caller may not see.
 *
 * @public
 */
export interface ScanRun {
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  /**
   * `aborted`: it timed out (the next run carries on) or its process died (found unfinished at
   * the next start); `abandoned`: unfinished, and its process has stopped showing signs of life.
   */
  outcome: 'running' | 'completed' | 'aborted' | 'abandoned';
  outcomeReason?: string;
}

/** @public */
export interface ScanStatus {
  /** True while a run is under way on any replica. */
  running: boolean;
  lastRun?: ScanRun;
  nextRunAt?: string;
}

/** A service failing a rule, and what the rule costs it. @public */
export interface RuleFailingService {
  entityRef: string;
  title?: string;
  findings: number;
  /** Points the rule takes off the service's score: 0 for image rules, which never change it. */
  points: number;
  /**
   * Image rules only: the references of the service's inspected images with findings of the
   * rule, where a definition rule's findings would name files.
   */
  images?: string[];
}

/** Which services fail a rule in the caller's scope. @public */
export interface RuleFailures {
  ruleId: string;
  /** Services failing the rule in the scope. */
  services: number;
  findings: number;
  points: number;
  /** The services, the most points lost first (at most 50). */
  failing: RuleFailingService[];
}

/** @public */
export interface RuleFailuresReport {
  /** Services in the scope the caller can see. */
  servicesInScope: number;
  rules: RuleFailures[];
}

/**
 * The images an entity's definitions and annotation name, as inspected at its last scan
 * (docs/images.md). Absent from the scorecard when image inspection is off.
 *
 * @public
 */
export interface EntityImages {
  /** When the images were inspected (ISO 8601). */
  inspectedAt: string;
  /**
   * One result per inspected reference: scored images, and "could not inspect" results with
   * their reason (`status: 'failed'`, no score, no findings).
   */
  results: ImageResult[];
  /** References found but not inspected, with why (limit reached, unresolved variable, registry not configured…). */
  notInspected: { reference: string; reason: string }[];
}
