import type { Grade, Severity } from '../model/types';

/**
 * Points a finding of each severity costs the first time its rule fires in a file.
 * `info` findings cost nothing: they inform, they do not judge.
 *
 * @public
 */
export const SEVERITY_WEIGHTS: Readonly<Record<Severity, number>> = {
  critical: 40,
  high: 20,
  medium: 8,
  low: 3,
  info: 0,
};

/**
 * Each further finding of the same rule in the same file costs this fraction of the previous one
 * (20, 10, 5, ...; heaviest first): repeating one mistake ten times is one problem, not ten, but it is not free.
 *
 * @public
 */
export const REPEAT_DECAY = 0.5;

/**
 * Findings of one rule in one file beyond this many cost nothing more (the rule already cost
 * almost twice its weight).
 *
 * @public
 */
export const MAX_COUNTED_REPEATS = 10;

/**
 * Lowest score of each grade, best first.
 *
 * @public
 */
export const GRADE_THRESHOLDS: readonly { grade: Grade; min: number }[] = [
  { grade: 'A', min: 90 },
  { grade: 'B', min: 75 },
  { grade: 'C', min: 60 },
  { grade: 'D', min: 40 },
  { grade: 'F', min: 0 },
];

/**
 * Share of the worst file in an entity score; the rest is the mean of its files.
 *
 * @public
 */
export const WORST_FILE_SHARE = 0.5;

/** The letter grade of a 0–100 score. @public */
export function gradeOf(score: number): Grade {
  return GRADE_THRESHOLDS.find(t => score >= t.min)?.grade ?? 'F';
}
