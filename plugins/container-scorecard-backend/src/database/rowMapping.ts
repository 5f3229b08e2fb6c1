import type {
  ApiGrade,
  ApiSeverity,
  PillarScores,
  SeverityCounts,
} from '@container-scorecard/plugin-container-scorecard-common';
import { SEVERITIES } from '@container-scorecard/plugin-container-scorecard-common';

/** Worst first, as reports list them. */
export const SEVERITY_ORDER: readonly ApiSeverity[] = SEVERITIES;

/** The UTC day of a date, `YYYY-MM-DD`: snapshots are keyed by it. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The UTC day `days` before `date`. */
export function daysBefore(date: Date, days: number): string {
  return dayOf(new Date(date.getTime() - days * 24 * 60 * 60 * 1000));
}

/** SQLite hands timestamps back as epoch milliseconds or strings, PostgreSQL as Dates. */
export function toIso(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value as any);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function parseJson<T>(value: unknown): T | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  return typeof value === 'string' ? (JSON.parse(value) as T) : (value as T);
}

export function countColumns(counts: SeverityCounts): Record<string, number> {
  return Object.fromEntries(
    SEVERITY_ORDER.map(severity => [`count_${severity}`, counts[severity]]),
  );
}

export function countsOfRow(row: Record<string, unknown>): SeverityCounts {
  return Object.fromEntries(
    SEVERITY_ORDER.map(severity => [
      severity,
      Number(row[`count_${severity}`] ?? 0),
    ]),
  ) as SeverityCounts;
}

export function optionalNumber(value: unknown): number | undefined {
  return value === null || value === undefined ? undefined : Number(value);
}

export function optionalString<T extends string = string>(
  value: unknown,
): T | undefined {
  return value === null || value === undefined ? undefined : (value as T);
}

export function gradeOrUndefined(value: unknown): ApiGrade | undefined {
  return optionalString<ApiGrade>(value);
}

export function pillarScoresOf(value: unknown): PillarScores | undefined {
  return parseJson<PillarScores>(value);
}

/** Splits long lists so `where in` stays under every database's parameter limit. */
export function chunk<T>(items: readonly T[], size = 2000): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}
