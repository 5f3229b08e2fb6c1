import {
  imageRules,
  reportFileName,
  type ApiFinding,
} from '@container-scorecard/plugin-container-scorecard-common';

export { reportFileName };
import type { StoredImageFinding } from '../../database/ImageQueries';
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

/**
 * One row per finding of each service, in the columns a spreadsheet filters on. The findings of
 * its inspected images follow the definitions' with `kind` "image": the reference in `path`, no
 * line, their rule's pillar, and 0 points, because an image never changes the service's score.
 * `kind` comes last so the columns before it keep their places for existing spreadsheets.
 */
export function findingsToCsv(
  rows: readonly ServiceRow[],
  findings: readonly { entityRef: string; finding: ApiFinding }[],
  imageFindings: readonly StoredImageFinding[] = [],
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
    'kind',
  ];
  const lines = [header.join(',')];
  const all: CsvFinding[] = [
    ...findings.map(({ entityRef, finding }) => ({
      entityRef,
      kind: 'definition' as const,
      path: finding.path,
      line: finding.range.start.line,
      ruleId: finding.ruleId,
      pillar: finding.pillar,
      severity: finding.severity,
      points: finding.penalty,
      message: finding.message,
      fixable: Boolean(finding.fix),
      waived: !!finding.suppressed && !finding.suppressed.expired,
    })),
    ...imageFindings.map(({ entityRef, reference, finding }) => ({
      entityRef,
      kind: 'image' as const,
      path: reference,
      ruleId: finding.ruleId,
      pillar: imageRules.find(rule => rule.id === finding.ruleId)?.pillar,
      severity: finding.severity,
      points: 0,
      message: finding.message,
      fixable: false,
      waived: Boolean(finding.suppressed),
    })),
  ];
  // A stable sort: each service's definition findings stay ahead of its images'.
  const sorted = all
    .filter(({ entityRef }) => byRef.has(entityRef))
    .sort(
      (a, b) =>
        byRef
          .get(a.entityRef)!
          .owner.localeCompare(byRef.get(b.entityRef)!.owner) ||
        a.entityRef.localeCompare(b.entityRef),
    );
  for (const finding of sorted) {
    const row = byRef.get(finding.entityRef)!;
    lines.push(
      [
        finding.entityRef,
        row.title,
        row.owner,
        finding.path,
        finding.line,
        finding.ruleId,
        finding.pillar,
        finding.severity,
        finding.points,
        finding.message,
        finding.fixable ? 'yes' : 'no',
        finding.waived ? 'yes' : 'no',
        finding.kind,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A row of the findings export, from a definition or an image. */
interface CsvFinding {
  entityRef: string;
  kind: 'definition' | 'image';
  path: string;
  line?: number;
  ruleId: string;
  pillar?: string;
  severity: string;
  points?: number;
  message: string;
  fixable: boolean;
  waived: boolean;
}
