import { createHash } from 'node:crypto';
import type {
  ApiFinding,
  ApiGrade,
  FileScorecard,
  SeverityCounts,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { NotificationState } from '../../database/NotificationStateStore';

/** Which changes owners hear about (`containerScorecard.notifications.mode`). */
export type NotificationMode =
  | 'off'
  | 'grade-drops'
  | 'new-critical-high'
  | 'all';

export const NOTIFICATION_MODES: readonly NotificationMode[] = [
  'off',
  'grade-drops',
  'new-critical-high',
  'all',
];

const GRADES: readonly ApiGrade[] = ['A', 'B', 'C', 'D', 'F'];

/** A change for the worse between what owners were told about and a new result. */
export interface Regression {
  gradeDrop?: {
    from: ApiGrade;
    to: ApiGrade;
    fromScore?: number;
    toScore: number;
  };
  /** Unwaived critical and high findings the owners were not told about before. */
  newFindings: ApiFinding[];
  /** Their fingerprints (see `severeFindings`), in the same order. */
  newFingerprints: string[];
}

/**
 * The unwaived critical and high findings of a result, by fingerprint. A fingerprint leaves the
 * line out, so an edit above a finding does not make it new; it keeps the offending text, so a
 * second hard-coded secret in the same file is new.
 */
export function severeFindings(
  files: readonly Pick<FileScorecard, 'findings'>[],
): Map<string, ApiFinding> {
  const byFingerprint = new Map<string, ApiFinding>();
  for (const finding of files.flatMap(file => file.findings)) {
    if (finding.severity !== 'critical' && finding.severity !== 'high') {
      continue;
    }
    if (finding.suppressed && !finding.suppressed.expired) continue;
    const key = [
      finding.ruleId,
      finding.path,
      finding.message,
      finding.snippet.trim(),
    ].join('\u0000');
    const fingerprint = createHash('sha256')
      .update(key)
      .digest('base64url')
      .slice(0, 22);
    if (!byFingerprint.has(fingerprint))
      byFingerprint.set(fingerprint, finding);
  }
  return byFingerprint;
}

/**
 * What got worse, as `mode` asks: the grade against the last notified one (or, before any, the
 * previously stored grade), new critical/high findings against the last notified ones. Before
 * there is a notified state, only findings of a severity the previous result had none of are
 * known to be new; the others are not announced, or a first scan would announce every finding
 * of the portal. Undefined when nothing worth a notification changed.
 */
export function detectRegression(options: {
  mode: NotificationMode;
  state?: NotificationState;
  previousGrade?: ApiGrade;
  previousScore?: number;
  /** Unwaived findings per severity of the previous result, if there was one. */
  previousCounts?: SeverityCounts;
  grade: ApiGrade;
  score: number;
  findings: Map<string, ApiFinding>;
}): Regression | undefined {
  const { mode, state } = options;
  if (mode === 'off') return undefined;
  const regression: Regression = { newFindings: [], newFingerprints: [] };
  const from = state?.grade ?? options.previousGrade;
  if (
    (mode === 'grade-drops' || mode === 'all') &&
    from &&
    GRADES.indexOf(options.grade) > GRADES.indexOf(from)
  ) {
    regression.gradeDrop = {
      from,
      to: options.grade,
      fromScore: state ? state.score : options.previousScore,
      toScore: options.score,
    };
  }
  const { previousCounts } = options;
  if (
    (mode === 'new-critical-high' || mode === 'all') &&
    (state || previousCounts)
  ) {
    const known = new Set(state?.findings);
    for (const [fingerprint, finding] of options.findings) {
      if (
        state ? known.has(fingerprint) : previousCounts![finding.severity] > 0
      ) {
        continue;
      }
      regression.newFingerprints.push(fingerprint);
      regression.newFindings.push(finding);
    }
  }
  return regression.gradeDrop || regression.newFindings.length
    ? regression
    : undefined;
}
