import type { EntityImagesInput } from './ImageQueries';
import type {
  ApiGrade,
  ApiLimitReached,
  FileScorecard,
  PillarScores,
  RuleCount,
  ScorecardStatus,
  SeverityCounts,
} from '@container-scorecard/plugin-container-scorecard-common';

/** The status of a stored result; `not-scanned` only exists for entities with no row. */
export type ResultStatus = Exclude<ScorecardStatus, 'not-scanned'>;

/** One entity's fresh result, in API shapes, ready to replace the stored one. */
export interface EntityResultInput {
  entityRef: string;
  title?: string;
  owner?: string;
  status: ResultStatus;
  analysedAt: Date;
  rulesetVersion: string;
  score?: number;
  grade?: ApiGrade;
  pillarScores?: PillarScores;
  counts: SeverityCounts;
  worstRule?: RuleCount;
  files: FileScorecard[];
  /** Identifies what was read (location + globs): a stored ETag is only reused for the same key. */
  sourceKey: string;
  etag?: string;
  /** Limits the entity's scan reached (files, bytes, time); absent when the result is complete. */
  partial?: ApiLimitReached[];
  /** The entity's images, when image inspection is on; absent leaves the stored ones alone. */
  images?: EntityImagesInput;
}

/** A failed attempt: recorded without touching the last good result. */
export interface EntityFailureInput {
  entityRef: string;
  title?: string;
  owner?: string;
  error: string;
  attemptedAt: Date;
}

/** The latest state of one entity, without its files. */
export interface EntitySummary {
  entityRef: string;
  title?: string;
  owner?: string;
  /** `could-not-analyse` while the latest attempt failed, whatever the stored result. */
  status: ResultStatus;
  error?: string;
  lastAttemptAt: string;
  analysedAt?: string;
  rulesetVersion?: string;
  score?: number;
  grade?: ApiGrade;
  pillarScores?: PillarScores;
  counts: SeverityCounts;
  worstRule?: RuleCount;
  sourceKey?: string;
  etag?: string;
  partial?: ApiLimitReached[];
}

/** A daily snapshot of one entity. */
export interface SnapshotRow {
  entityRef: string;
  day: string;
  owner?: string;
  score: number;
  grade: ApiGrade;
  pillarScores?: PillarScores;
  counts: SeverityCounts;
  rulesetVersion: string;
}

/** Totals of one run over every entity in scope. */
export interface RunTotals {
  entities: number;
  unchanged: number;
  files: number;
  findings: number;
  errors: number;
}

/** A recorded run. */
export interface RunRecord extends RunTotals {
  id: number;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  /** `running` until it finishes; `aborted` when it timed out or its process died. */
  outcome: 'running' | 'completed' | 'aborted';
  outcomeReason?: string;
  /** Last sign of life while running. */
  heartbeatAt?: string;
}

/** Which entities a query covers: every stored one, or only these refs (the caller's view). */
export type EntitySelection = { refs?: readonly string[] };
