import {
  planNextGrade,
  SEVERITIES,
  type FixPreview,
  type FileResult,
  type Finding,
  type Grade,
  type Severity,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { ReportInput } from './types';

/** ANSI styling, or none: `--no-color`, NO_COLOR and pipes get plain text. */
export interface Palette {
  bold(text: string): string;
  dim(text: string): string;
  severity(severity: Severity, text: string): string;
  grade(grade: Grade | undefined, text: string): string;
}

const ansi = (code: string) => (text: string) =>
  `\u001b[${code}m${text}\u001b[0m`;

/** Creates the palette for a terminal (`color: true`) or for plain text. */
export function createPalette(color: boolean): Palette {
  if (!color) {
    return {
      bold: t => t,
      dim: t => t,
      severity: (_s, t) => t,
      grade: (_g, t) => t,
    };
  }
  const red = ansi('31');
  const yellow = ansi('33');
  const green = ansi('32');
  const cyan = ansi('36');
  const magenta = ansi('35');
  const bySeverity: Record<Severity, (t: string) => string> = {
    critical: ansi('1;31'),
    high: red,
    medium: yellow,
    low: cyan,
    info: ansi('2'),
  };
  return {
    bold: ansi('1'),
    dim: ansi('2'),
    severity: (severity, text) => bySeverity[severity](text),
    grade: (grade, text) => {
      if (grade === 'A' || grade === 'B') return green(text);
      if (grade === 'C') return yellow(text);
      if (grade === 'D') return magenta(text);
      return red(text);
    },
  };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function findingLine(finding: Finding, palette: Palette): string[] {
  const location = `${finding.path}:${finding.range.start.line}:${finding.range.start.column}`;
  const severity = palette.severity(finding.severity, pad(finding.severity, 8));
  const fixable = finding.fix && !finding.suppressed ? ' [fixable]' : '';
  const cost = finding.penalty
    ? palette.dim(` −${points(finding.penalty)}`)
    : '';
  const lines = [
    `  ${location}  ${
      finding.suppressed ? palette.dim(pad('waived', 8)) : severity
    } ${finding.ruleId}  ${finding.message}${cost}${fixable}`,
  ];
  if (finding.renderedFrom) {
    const from = finding.renderedFrom;
    lines.push(
      palette.dim(
        `      rendered by ${from.path}:${from.range.start.line}${
          from.valuesKey ? ` from ${from.valuesKey}` : ''
        }: ${from.renderedSnippet.split('\n')[0]}`,
      ),
    );
  }
  if (finding.fixPreview && !finding.suppressed) {
    lines.push(...diffLines(finding.fixPreview, palette));
  }
  if (finding.suppressed) {
    const { reason, until, source } = finding.suppressed;
    lines.push(
      palette.dim(
        `      waived (${source})${
          reason ? `: ${reason}` : ' without a reason'
        }${until ? `, until ${until}` : ''}`,
      ),
    );
  } else if (finding.expiredSuppression) {
    lines.push(
      palette.dim(
        `      waiver expired on ${finding.expiredSuppression.until}: counted again`,
      ),
    );
  }
  return lines;
}

/** Points as the scoring model counts them: whole, or with the fraction repeats leave. */
export function points(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${rounded} pt${rounded === 1 ? '' : 's'}`;
}

/** The fix as the same unified diff the portal shows, indented under its finding. */
function diffLines(preview: FixPreview, palette: Palette): string[] {
  return preview.hunks.flatMap(hunk => [
    palette.dim(`      @@ line ${hunk.oldStart} @@`),
    ...hunk.lines.map(line => {
      if (line.kind === 'removed')
        return `      ${palette.severity('high', `-${line.text}`)}`;
      if (line.kind === 'added')
        return `      ${palette.grade('A', `+${line.text}`)}`;
      return palette.dim(`       ${line.text}`);
    }),
  ]);
}

/** "Fix these N findings to reach grade X", from the same plan the portal shows. */
function nextGradeLines(
  results: readonly FileResult[],
  score: number | undefined,
  palette: Palette,
): string[] {
  const plan = planNextGrade(
    results
      .filter(result => result.status === 'analysed')
      .map(result => ({ findings: result.findings })),
  );
  // Findings a limit left unlisted would make the plan promise what the fixes do not reach.
  if (!plan || plan.currentScore !== score) return [];
  const count = plan.findings.length;
  return [
    `${palette.bold('Next grade')}: fix ${
      count === 1 ? 'this finding' : `these ${count} findings`
    } to reach ${palette.grade(plan.grade, `${plan.score}/100 ${plan.grade}`)}`,
    ...plan.findings.map(
      finding =>
        `  ${finding.path}:${finding.range.start.line}  ${palette.severity(
          finding.severity,
          pad(finding.severity, 8),
        )} ${finding.ruleId}${
          finding.penalty ? palette.dim(` −${points(finding.penalty)}`) : ''
        }`,
    ),
  ];
}

function countsText(result: { counts: Record<Severity, number> }): string {
  const parts = SEVERITIES.filter(s => result.counts[s] > 0).map(
    s => `${result.counts[s]} ${s}`,
  );
  return parts.length ? parts.join(', ') : 'no findings';
}

/** One line per limit the file reached: which limit, and how much it left out. */
function limitLines(result: FileResult, palette: Palette): string[] {
  return (result.limitsReached ?? []).map(
    reached =>
      `  ${palette.severity('medium', 'partial')}: ${
        reached.message
      }${palette.dim(` (${reached.limit}, ${reached.omitted} omitted)`)}`,
  );
}

function fileBlock(result: FileResult, palette: Palette): string[] {
  if (result.status === 'could-not-analyse') {
    return [
      `${palette.bold(result.path)}  ${palette.severity(
        'high',
        'could not analyse',
      )}: ${result.error?.message ?? 'unknown error'}${
        result.error ? palette.dim(` (${result.error.code})`) : ''
      }`,
      ...limitLines(result, palette),
    ];
  }
  // A partial score is marked next to the score itself, so it never reads as a clean pass.
  const partial = result.limitsReached?.length
    ? ` ${palette.severity('medium', 'PARTIAL')}`
    : '';
  const header = `${palette.bold(result.path)}  ${palette.grade(
    result.grade,
    `${result.score}/100 ${result.grade}`,
  )}${partial}  ${palette.dim(
    `${result.kind} · ${countsText(result)}${
      result.suppressedCount ? ` · ${result.suppressedCount} waived` : ''
    }`,
  )}`;
  const lines = [
    header,
    ...limitLines(result, palette),
    ...result.findings.flatMap(f => findingLine(f, palette)),
  ];
  for (const error of result.ruleErrors ?? []) {
    lines.push(
      palette.dim(
        `  rule ${error.ruleId} failed on this file: ${error.message}`,
      ),
    );
  }
  return lines;
}

/** The human report: one block per file, then the fixes applied and a summary line. */
export function formatTty(input: ReportInput, palette: Palette): string {
  const { analysis } = input;
  const lines: string[] = [];
  for (const warning of analysis.warnings)
    lines.push(palette.dim(`note: ${warning}`));
  for (const result of analysis.results) {
    lines.push(...fileBlock(result, palette), '');
  }
  if (input.fixes) {
    if (input.fixes.length === 0) lines.push('--fix: nothing to fix.', '');
    for (const fix of input.fixes) {
      if (fix.refused) {
        lines.push(`${fix.path}: ${fix.refused}`);
        continue;
      }
      lines.push(
        `fixed ${fix.path}: ${fix.fixed
          .map(f => `${f.ruleId} ×${f.count}`)
          .join(', ')}; score ${fix.scoreBefore ?? '-'} → ${
          fix.scoreAfter ?? '-'
        }`,
      );
    }
    if (input.fixes.length) lines.push('');
  }
  const analysed = analysis.results.filter(r => r.status === 'analysed').length;
  const failed = analysis.results.length - analysed;
  const partial = analysis.results.filter(
    r => r.status === 'analysed' && r.limitsReached?.length,
  ).length;
  if (analysis.results.length === 0) {
    lines.push('No container definitions found.');
  } else {
    const { aggregate } = analysis;
    const score =
      aggregate.status === 'scored'
        ? palette.grade(
            aggregate.grade,
            `${aggregate.score}/100 ${aggregate.grade}`,
          )
        : 'no score';
    lines.push(
      `${palette.bold('Overall')} ${score}  ${analysis.results.length} file${
        analysis.results.length === 1 ? '' : 's'
      }, ${analysed} analysed${partial ? ` (${partial} partial)` : ''}${
        failed ? `, ${failed} could not be analysed` : ''
      } · ${countsText(aggregate)}`,
    );
  }
  lines.push(
    ...nextGradeLines(analysis.results, analysis.aggregate.score, palette),
  );
  lines.push(palette.dim(`ruleset ${analysis.rulesetVersion}`));
  return `${lines.join('\n')}\n`;
}
