/**
 * A position in a file.
 *
 * Both numbers are 1-based, as editors and SARIF show them. `column` counts UTF-16 code units
 * (JavaScript string indices), like the Language Server Protocol does.
 *
 * @public
 */
export interface SourcePosition {
  /** 1-based line number. */
  line: number;
  /** 1-based column, in UTF-16 code units. */
  column: number;
}

/**
 * A span of text in a file; `end` is exclusive (it points just after the last character).
 *
 * @public
 */
export interface SourceRange {
  start: SourcePosition;
  end: SourcePosition;
}

/**
 * How bad a finding is. Each severity has a weight in the score (see `docs/scoring.md`).
 *
 * @public
 */
export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';

/** Every severity, worst first. @public */
export const SEVERITIES: readonly Severity[] = [
  'critical',
  'high',
  'medium',
  'low',
  'info',
];

/**
 * The kinds of container definitions the engine understands.
 *
 * @public
 */
export type ContainerFileKind = 'dockerfile' | 'compose' | 'kubernetes';

/**
 * A text edit that fixes a finding: replace `range` with `newText` (an empty range inserts).
 *
 * @public
 */
export interface TextEdit {
  range: SourceRange;
  newText: string;
}

/**
 * Where a waiver came from: an inline `# scorecard ignore=` comment, a hadolint comment, or the
 * central configuration.
 *
 * @public
 */
export type SuppressionSource = 'inline' | 'hadolint' | 'config';

/**
 * Why a finding is waived. Suppressed findings stay in the results: they are shown, not dropped.
 *
 * @public
 */
export interface FindingSuppression {
  /** The reason the author gave; empty when none was given (which is itself reported). */
  reason: string;
  /** Last day (inclusive, `YYYY-MM-DD`) the waiver applies. */
  until?: string;
  source: SuppressionSource;
}

/**
 * One problem found in one file.
 *
 * @public
 */
export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The path of the file, as given to the engine. */
  path: string;
  range: SourceRange;
  /** The offending text, as it appears in the file (clipped to a few lines). */
  snippet: string;
  /** Edits that fix the finding when applied together. */
  fix?: TextEdit[];
  /** Set when a waiver applies: the finding then costs no points. */
  suppressed?: FindingSuppression;
  /** Set when a waiver matched but has expired: the finding counts again. */
  expiredSuppression?: FindingSuppression;
  /** Points this finding removed from the file score (0 when suppressed or `info`). */
  penalty?: number;
  /** The fix as a diff of the file's whole lines (set with `fix`, by the engine). */
  fixPreview?: import('../fixes/fixPreview').FixPreview;
  /**
   * Set when the file was rendered (a Helm template): `path`, `range` and `snippet` then point
   * where the fix goes (the values file's key when the value came from values, else the
   * template line), and this says what was rendered from where.
   */
  renderedFrom?: FindingRenderedFrom;
}

/**
 * Where a finding on rendered output (a Helm chart, a Kustomize overlay) was rendered from.
 *
 * @public
 */
export interface FindingRenderedFrom {
  /** `helm` or `kustomize`. */
  renderer: string;
  /** The template (or overlay file) that wrote the flagged text. */
  path: string;
  /** Its range in that file (whole lines). */
  range: SourceRange;
  /** The flagged text as rendered. */
  renderedSnippet: string;
  /** The values file and dotted key the flagged value came from (`securityContext.privileged`). */
  valuesPath?: string;
  valuesKey?: string;
}

/**
 * Set on the result of a rendered file: which unit it belongs to and what the render used.
 *
 * @public
 */
export interface FileRendering {
  renderer: string;
  /** The unit's directory (the chart). */
  unit: string;
  /** The values files applied, in order. */
  valuesFiles?: string[];
  /** What the user should know (subcharts not rendered). */
  notes?: string[];
}

/**
 * A container image referenced by a file (FROM, compose `image:`, a pod's container image).
 *
 * @public
 */
export interface ImageReference {
  /** The reference with build arguments resolved where their defaults are known. */
  ref: string;
  /** 1-based line. */
  line: number;
  /** The Dockerfile stage name, when the image starts a named stage. */
  stage?: string;
  /**
   * True for the image the final stage of a Dockerfile is built on (through `FROM <stage>` chains):
   * the image whose user and entrypoint the built image inherits.
   */
  finalStageBase?: boolean;
}

/**
 * Why a file could not be analysed.
 *
 * @public
 */
export type AnalysisErrorCode =
  | 'file-too-large'
  | 'binary-content'
  | 'yaml-alias-limit'
  | 'parse-error'
  | 'internal-error'
  /** The analysis of this one file ran past its CPU deadline and was stopped. */
  | 'analysis-timeout'
  /** Named like a container definition, but holds none (an empty or plain-text `Dockerfile`). */
  | 'not-a-definition'
  /**
   * A YAML file whose first `limits.maxYamlDocuments` documents hold no workload while more were
   * left out: its workloads, if any, are beyond the limit.
   */
  | 'too-many-documents'
  /**
   * A Helm chart or Kustomize overlay that could not be rendered (an unsupported template
   * function, a template error, a render limit).
   */
  | 'render-error';

/** @public */
export interface AnalysisError {
  code: AnalysisErrorCode;
  message: string;
}

/**
 * The analysis state of a file.
 * - `analysed`: parsed and scored.
 * - `could-not-analyse`: a container definition we could not read; never a zero, never a pass,
 *   excluded from scores and counted separately.
 * - `not-applicable`: not a container definition after all (for example a YAML file that holds
 *   no Kubernetes workload); ignored by scores and coverage.
 *
 * @public
 */
export type FileStatus = 'analysed' | 'could-not-analyse' | 'not-applicable';

/**
 * A limit that cut a result short. A result that reached a limit is "partial": it says which
 * limit, and how much it left out, so a user never mistakes it for the whole picture.
 * - `findings-per-rule`: one rule's findings in one file beyond the first N are not listed
 *   (they still count in the score and the severity counts).
 * - `yaml-documents`: YAML documents of one file beyond the first N are not analysed.
 * - `repository-files`: entries of a repository beyond the first N are not looked at.
 * - `repository-depth`: directories nested deeper than the walk goes are not looked at.
 * - `entity-bytes`: candidate files beyond the entity's byte budget are not read.
 * - `entity-timeout`: the entity's analysis ran past its deadline; files not finished by then
 *   are not analysed.
 *
 * @public
 */
export type LimitId =
  | 'findings-per-rule'
  | 'yaml-documents'
  | 'repository-files'
  | 'repository-depth'
  | 'entity-bytes'
  | 'entity-timeout';

/** @public */
export interface LimitReached {
  limit: LimitId;
  /** What was left out, in words a user understands, naming the configured limit. */
  message: string;
  /** How many items (findings, documents, entries, files) were left out. */
  omitted: number;
}

/** Number of findings per severity. @public */
export type SeverityCounts = Record<Severity, number>;

/**
 * The identifiers of the eight pillars of the scorecard (see PRODUCT.md).
 *
 * @public
 */
export type PillarId =
  | 'one-concern'
  | 'immutable'
  | 'config-outside'
  | 'state-outside'
  | 'least-privilege'
  | 'minimal'
  | 'lifecycle'
  | 'simplicity';

/** A letter grade, from a score. @public */
export type Grade = 'A' | 'B' | 'C' | 'D' | 'F';

/**
 * The result of analysing one file.
 *
 * @public
 */
export interface FileResult {
  path: string;
  kind?: ContainerFileKind;
  status: FileStatus;
  error?: AnalysisError;
  /** All findings, suppressed ones included, sorted by position. */
  findings: Finding[];
  /** 0–100; present only when `status` is `analysed`. */
  score?: number;
  grade?: Grade;
  /** 0–100 per pillar; present only when `status` is `analysed`. */
  pillarScores?: Record<PillarId, number>;
  /** Unsuppressed findings per severity. */
  counts: SeverityCounts;
  /** Number of suppressed findings (any severity). */
  suppressedCount: number;
  images: ImageReference[];
  /** Limits this file's analysis reached; absent when the result is complete. */
  limitsReached?: LimitReached[];
  /** Rules that crashed on this file; the others still ran. */
  ruleErrors?: { ruleId: string; message: string }[];
  /** The ruleset version the result was computed with. */
  rulesetVersion: string;
  /** Set when the file was rendered before analysis (a Helm template). */
  rendering?: FileRendering;
}
