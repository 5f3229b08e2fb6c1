import {
  reportFileName,
  type ApiFinding,
} from '@container-scorecard/plugin-container-scorecard-common';

export { reportFileName };
import type { ScorecardStore } from '../../database/ScorecardStore';
import type { ServiceRow } from './serviceSummaries';

const COLUMNS: [string, (row: ServiceRow) => unknown][] = [
  ['entity_ref', r => r.entityRef],
  ['title', r => r.title],
  ['owner', r => r.owner],
  ['status', r => r.status],
  ['score', r => r.score],
  ['grade', r => r.grade],
  ['trend', r => r.trend],
  ['critical', r => r.counts.critical],
  ['high', r => r.counts.high],
  ['medium', r => r.counts.medium],
  ['low', r => r.counts.low],
  ['info', r => r.counts.info],
  ['worst_rule', r => r.worstRule?.ruleId],
  ['error', r => r.error],
];

/**
 * Text a spreadsheet may run as a formula, per OWASP's CSV injection guidance: a cell beginning
 * with `=`, `+`, `-`, `@`, tab or carriage return, and the same led by whitespace or by `|` or
 * `;` (separators some spreadsheets split on, which start a new cell in front of the formula).
 */
const FORMULA_LIKE = /^[\s|;]*[=+\-@]|^[\t\r]/;

/**
 * Quotes a cell for RFC 4180, and defuses text a spreadsheet would run as a formula by leading it
 * with a single quote (titles and errors come from repositories and annotations, which anyone can
 * write). Numbers are values, never formulas: a negative trend stays a number.
 */
export function csvCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_LIKE.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row per service, sorted by owner then entity, with a header row. */
export function toCsv(rows: ServiceRow[]): string {
  const sorted = [...rows].sort(
    (a, b) =>
      a.owner.localeCompare(b.owner) || a.entityRef.localeCompare(b.entityRef),
  );
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const row of sorted) {
    lines.push(COLUMNS.map(([, get]) => csvCell(get(row))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Fills the error of services that could not be analysed because their files could not be (the
 * stored result then carries no error of its own): each failed file's path and reason, as the
 * entity page shows them. The rows given are changed in place and returned.
 */
export async function withFileErrors(
  store: Pick<ScorecardStore, 'listFileErrors'>,
  rows: ServiceRow[],
): Promise<ServiceRow[]> {
  const failed = rows.filter(
    row => row.status === 'could-not-analyse' && !row.error,
  );
  // All at once: one query per entity made the export of 10,000 services take seconds.
  const fileErrors = await store.listFileErrors(
    failed.map(row => row.entityRef),
  );
  for (const row of failed) {
    const reasons = (fileErrors.get(row.entityRef) ?? []).map(
      file => `${file.path}: ${file.error}`,
    );
    row.error = reasons.length
      ? reasons.join('; ')
      : 'Could not analyse (no reason recorded)';
  }
  return rows;
}

/** One row per finding of each service, in the columns a spreadsheet filters on. */
export function findingsToCsv(
  rows: readonly ServiceRow[],
  findings: readonly { entityRef: string; finding: ApiFinding }[],
): string {
  const byRef = new Map(rows.map(row => [row.entityRef, row]));
  const header = [
    'entity_ref',
    'title',
    'owner',
    'path',
    'line',
    'rule_id',
    'pillar',
    'severity',
    'points',
    'message',
    'fixable',
    'waived',
  ];
  const lines = [header.join(',')];
  const sorted = [...findings]
    .filter(({ entityRef }) => byRef.has(entityRef))
    .sort(
      (a, b) =>
        byRef
          .get(a.entityRef)!
          .owner.localeCompare(byRef.get(b.entityRef)!.owner) ||
        a.entityRef.localeCompare(b.entityRef),
    );
  for (const { entityRef, finding } of sorted) {
    const row = byRef.get(entityRef)!;
    const waived = !!finding.suppressed && !finding.suppressed.expired;
    lines.push(
      [
        entityRef,
        row.title,
        row.owner,
        finding.path,
        finding.range.start.line,
        finding.ruleId,
        finding.pillar,
        finding.severity,
        finding.penalty,
        finding.message,
        finding.fix ? 'yes' : 'no',
        waived ? 'yes' : 'no',
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
