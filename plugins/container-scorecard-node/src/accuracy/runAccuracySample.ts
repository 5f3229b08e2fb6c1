import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { readRecordedBaseline } from '../corpus/corpusBaselineFile';
import { corpusDirectory, findRepoRoot } from '../corpus/readCorpus';
import {
  accuracyReport,
  baselineFindings,
  DEFAULT_PER_RULE,
  findingKey,
  parseJudgements,
  sampleFindings,
  type AccuracyReport,
  type Precision,
  type SampledFinding,
} from './accuracySample';
import { findPeerCaseFiles } from './peerCases';

const PACKAGE = '@container-scorecard/plugin-container-scorecard-node';

/** Where the judgements live: committed with the document they support. */
export function judgementsPath(): string {
  return resolve(
    findRepoRoot(resolvePackagePath(PACKAGE)),
    'docs/accuracy/judgements.tsv',
  );
}

export function rulesDirectory(): string {
  return resolve(
    resolvePackagePath(
      '@container-scorecard/plugin-container-scorecard-common',
    ),
    'src/rules',
  );
}

/** The sample and its judgements, from the committed baseline and judgements files. */
export function currentReport(
  perRule: number = DEFAULT_PER_RULE,
): AccuracyReport {
  const sample = sampleFindings(
    baselineFindings(readRecordedBaseline()),
    perRule,
  );
  return accuracyReport(
    sample,
    parseJudgements(readFileSync(judgementsPath(), 'utf8')),
  );
}

function percent(precision: Precision): string {
  return precision.precision === undefined
    ? 'n/a'
    : `${(precision.precision * 100).toFixed(1)}%`;
}

/** Where a corpus file came from (`manifest.tsv`), by corpus path. */
function corpusOrigins(corpus: string): Map<string, string> {
  const origins = new Map<string, string>();
  const lines = readFileSync(join(corpus, 'manifest.tsv'), 'utf8').split('\n');
  for (const line of lines.slice(1)) {
    const [file, repo, path] = line.split('\t');
    if (file) origins.set(file, `${repo} ${path}`);
  }
  return origins;
}

/** The finding's line, with the continuation lines of a Dockerfile instruction (at most 6). */
function offendingLines(text: string, line: number): string[] {
  const all = text.split('\n');
  const out: string[] = [];
  for (let i = line - 1; i < all.length && out.length < 6; i++) {
    out.push(`${String(i + 1).padStart(5)} | ${all[i].slice(0, 160)}`);
    if (!/\\\s*$/.test(all[i])) break;
  }
  return out;
}

function printSample(
  report: AccuracyReport,
  onlyUnjudged: boolean,
  judgements: Map<string, { verdict: boolean; reason: string }>,
): string[] {
  const corpus = corpusDirectory();
  const origins = corpusOrigins(corpus);
  const out: string[] = [];
  const listed = onlyUnjudged ? report.unjudged : report.sample;
  for (const finding of listed) {
    const judgement = judgements.get(findingKey(finding));
    const verdict = judgement
      ? `judged ${judgement.verdict}: ${judgement.reason}`
      : 'UNJUDGED';
    out.push(
      `${finding.rule}\t${finding.path}\t${finding.position}\t(${
        origins.get(finding.path) ?? 'unknown origin'
      }) ${verdict}`,
    );
    const text = readFileSync(join(corpus, finding.path), 'utf8');
    out.push(...offendingLines(text, Number(finding.position.split(':')[0])));
    out.push('');
  }
  return out;
}

function summary(report: AccuracyReport): string[] {
  return [
    `${report.sample.length} sampled findings over ${report.byRule.size} rules; ` +
      `${report.overall.judged} judged, ${report.unjudged.length} without a judgement, ` +
      `${report.stale.length} judgements no longer sampled.`,
    `Precision: ${report.overall.truePositives}/${
      report.overall.judged
    } = ${percent(report.overall)}`,
  ];
}

/** At most three cited sources, then how many more: a KICS query has a file per case. */
function shortList(sources: readonly string[]): string {
  const shown = sources.slice(0, 3).map(source => `\`${source}\``);
  if (sources.length > 3) shown.push(`and ${sources.length - 3} more`);
  return shown.join('<br>');
}

/**
 * Free text in a markdown table cell: a `|` would end the cell (a reason quoting
 * `echo "$X" | grep -q` split its row), so it is escaped; a line break would end the row.
 */
export function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Markdown tables for docs/accuracy.md: precision per rule, false positives, ported cases. */
function markdown(report: AccuracyReport): string[] {
  const out = [
    ...summary(report),
    '',
    '| Rule | Sampled | True | False | Precision |',
    '|---|---|---|---|---|',
  ];
  for (const [rule, precision] of report.byRule) {
    out.push(
      `| \`${rule}\` | ${report.sample.filter(f => f.rule === rule).length} | ${
        precision.truePositives
      } | ${precision.judged - precision.truePositives} | ${percent(
        precision,
      )} |`,
    );
  }
  out.push('', '| Rule | File, line | Why it is a false positive |');
  out.push('|---|---|---|');
  for (const fp of report.falsePositives)
    out.push(
      `| \`${fp.rule}\` | \`${fp.path}:${fp.position}\` | ${tableCell(
        fp.reason,
      )} |`,
    );
  out.push('', '| Rule | Test file | Peers | Cited sources | Agreed |');
  out.push('|---|---|---|---|---|');
  for (const file of findPeerCaseFiles(rulesDirectory())) {
    out.push(
      `| \`${file.rule}\` | \`${file.file}\` | ${file.peers.join(
        ', ',
      )} | ${shortList(file.sources)} | ${
        file.agreement
          ? `${file.agreement}${
              file.differences && file.differences !== 'none'
                ? ` (${file.differences})`
                : ''
            }`
          : ''
      } |`,
    );
  }
  return out;
}

/**
 * `npm run accuracy:sample [-- options]`:
 * - no option: every sampled finding with its offending lines and its judgement;
 * - `--unjudged`: only the sampled findings without a judgement;
 * - `--report`: precision overall and per rule, false positives, missing and stale judgements;
 * - `--markdown`: the tables docs/accuracy.md shows;
 * - `--per-rule N`: findings per rule (default 2).
 */
export function runAccuracySample(args: readonly string[]): string {
  const perRuleAt = args.indexOf('--per-rule');
  const perRule =
    perRuleAt >= 0 ? Number(args[perRuleAt + 1]) : DEFAULT_PER_RULE;
  if (!Number.isInteger(perRule) || perRule < 1)
    throw new Error('--per-rule takes a positive whole number');
  const report = currentReport(perRule);
  const judgements = new Map(
    parseJudgements(readFileSync(judgementsPath(), 'utf8')).map(j => [
      findingKey(j),
      j,
    ]),
  );
  if (args.includes('--markdown')) return `${markdown(report).join('\n')}\n`;
  if (args.includes('--report')) {
    const out = [...summary(report), ''];
    for (const [rule, precision] of report.byRule)
      out.push(
        `${rule.padEnd(42)} ${precision.truePositives}/${
          precision.judged
        } ${percent(precision)}`,
      );
    const list = (title: string, findings: SampledFinding[]) =>
      findings.length
        ? [
            '',
            title,
            ...findings.map(f => `  ${f.rule} ${f.path} ${f.position}`),
          ]
        : [];
    out.push(
      ...list('False positives:', report.falsePositives),
      ...list('Without a judgement:', report.unjudged),
      ...list('Judged but no longer sampled:', report.stale),
    );
    return `${out.join('\n')}\n`;
  }
  return `${[
    ...printSample(report, args.includes('--unjudged'), judgements),
    ...summary(report),
  ].join('\n')}\n`;
}
