import type {
  FileResult,
  ScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { CorpusFile } from './readCorpus';

/*
 * The corpus baseline: what the engine says about every file of the shared corpus, written as
 * plain text so that a deliberate change of findings shows up as a reviewable diff of one file.
 *
 * Format, one block per corpus file in manifest order:
 *
 *   dockerfiles/0001.Dockerfile analysed 72
 *     apt-get-unpinned-packages 3:1
 *     last-user-root 9:1 suppressed
 *
 * The header line holds the file, its status (with the error code when not analysed) and its
 * score; each finding line holds rule id, start line:column, and whether a waiver applied.
 * Messages, snippets and penalties are left out on purpose: they are reworded far more often than
 * findings move, and the score already captures penalties.
 */

/** The script that rewrites the baseline: named in every failure message. */
export const REGENERATE_BASELINE_COMMAND =
  'npm run corpus:baseline -w @container-scorecard/plugin-container-scorecard-node';

/** The fixed clock used for the baseline, so waiver expiry never makes it drift. */
export const BASELINE_NOW = new Date('2025-06-15T12:00:00Z');

function headerOf(file: string, result: FileResult): string {
  const status = result.error
    ? `${result.status}(${result.error.code})`
    : result.status;
  return result.score === undefined
    ? `${file} ${status}`
    : `${file} ${status} ${result.score}`;
}

function findingLinesOf(result: FileResult): string[] {
  return result.findings
    .map(finding => {
      const { line, column } = finding.range.start;
      const waived = finding.suppressed ? ' suppressed' : '';
      return {
        line,
        column,
        text: `  ${finding.ruleId} ${line}:${column}${waived}`,
      };
    })
    .sort(
      (a, b) =>
        a.line - b.line || a.column - b.column || compareText(a.text, b.text),
    )
    .map(entry => entry.text);
}

/** Code-unit order: unlike localeCompare, the same on every machine. */
function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** One block of the baseline per file: its header line, then its finding lines. */
export type BaselineBlocks = Map<string, string[]>;

/** Analyses every corpus file and returns the baseline blocks in corpus order. */
export function computeBaselineBlocks(
  engine: ScorecardEngine,
  files: readonly CorpusFile[],
): BaselineBlocks {
  const blocks: BaselineBlocks = new Map();
  for (const file of files) {
    const result = engine.analyzeFile({
      path: file.enginePath,
      content: file.content,
    });
    blocks.set(file.file, [
      headerOf(file.file, result),
      ...findingLinesOf(result),
    ]);
  }
  return blocks;
}

/** The baseline file's text. */
export function formatBaseline(blocks: BaselineBlocks): string {
  const lines = [
    `# Findings of the engine over the shared corpus (../shared/corpus). Regenerate with: ${REGENERATE_BASELINE_COMMAND}`,
  ];
  for (const block of blocks.values()) lines.push(...block);
  return `${lines.join('\n')}\n`;
}

/** Reads the baseline file's text back into blocks. */
export function parseBaseline(text: string): BaselineBlocks {
  const blocks: BaselineBlocks = new Map();
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('  ')) {
      if (!current) throw new Error(`Finding line before any file: ${line}`);
      current.push(line);
    } else {
      current = [line];
      blocks.set(line.split(' ')[0], current);
    }
  }
  return blocks;
}

/**
 * A readable difference between the recorded and the recomputed baseline: per changed file, the
 * header, then `-` lines (recorded, now missing) and `+` lines (new), at most `maxLines` lines.
 */
export function diffBaselines(
  recorded: BaselineBlocks,
  current: BaselineBlocks,
  maxLines = 200,
): string[] {
  const out: string[] = [];
  let changedFiles = 0;
  let truncated = false;
  const files = [...new Set([...recorded.keys(), ...current.keys()])];
  for (const file of files) {
    const before = recorded.get(file) ?? [];
    const after = current.get(file) ?? [];
    if (before.join('\n') === after.join('\n')) continue;
    changedFiles++;
    if (out.length >= maxLines) {
      truncated = true;
      continue;
    }
    const removed = multisetMinus(before, after);
    const added = multisetMinus(after, before);
    out.push(
      `${file}:`,
      ...removed.map(line => `-${line}`),
      ...added.map(line => `+${line}`),
    );
  }
  if (changedFiles === 0) return [];
  const shown = out.slice(0, maxLines);
  if (truncated || out.length > maxLines)
    shown.push('... (more differences not shown)');
  shown.unshift(`${changedFiles} of ${files.length} corpus files differ:`);
  return shown;
}

/** The lines of `a` not matched one-for-one in `b`, in `a`'s order. */
function multisetMinus(a: readonly string[], b: readonly string[]): string[] {
  const remaining = new Map<string, number>();
  for (const line of b) remaining.set(line, (remaining.get(line) ?? 0) + 1);
  return a.filter(line => {
    const left = remaining.get(line) ?? 0;
    if (left === 0) return true;
    remaining.set(line, left - 1);
    return false;
  });
}
