import type { TextEdit } from '../model/types';
import { LineIndex } from '../text/LineIndex';

/** One line of a fix's diff. @public */
export interface FixPreviewLine {
  kind: 'context' | 'removed' | 'added';
  text: string;
}

/**
 * One block of a unified diff of whole lines: `oldStart`/`newStart` are the 1-based lines of the
 * file before and after the fix where the block starts (context included).
 *
 * @public
 */
export interface FixPreviewHunk {
  oldStart: number;
  newStart: number;
  lines: FixPreviewLine[];
}

/**
 * What a fix does to a file, in whole lines: the hunks of a unified diff with a few lines of
 * context. Computed where the file's text is known (the engine) so the portal and the CLI show
 * the very same diff.
 *
 * @public
 */
export interface FixPreview {
  hunks: FixPreviewHunk[];
}

/**
 * The engine asks for a preview per fixable finding of a file, always with the same text:
 * indexing it once per file, not once per finding, keeps a file's previews linear in its size
 * (a 1 MB Dockerfile with a thousand fixable findings re-split the whole file a thousand times).
 * Only the last text is kept; the array is never modified by a caller.
 */
let lastIndexed:
  | { text: string; index: LineIndex; lines: string[] }
  | undefined;

function indexedLines(text: string) {
  if (lastIndexed?.text !== text) {
    lastIndexed = {
      text,
      index: new LineIndex(text),
      lines: text.split('\n').map(line => line.replace(/\r$/, '')),
    };
  }
  return lastIndexed;
}

/** Lines of unchanged context shown around a change. @public */
export const FIX_PREVIEW_CONTEXT_LINES = 3;

/**
 * The diff of whole lines a set of edits makes to a text. Edits that touch lines close to each
 * other (within twice the context) share a hunk; lines an edit rewrites to the same text are
 * shown as context, not as removed and added. Overlapping edits after the first are skipped, as
 * `applyTextEdits` does.
 *
 * @public
 */
export function fixPreviewOf(
  text: string,
  edits: readonly TextEdit[],
  context: number = FIX_PREVIEW_CONTEXT_LINES,
): FixPreview {
  const { index, lines } = indexedLines(text);
  // A final line break ends the last line; it does not start an empty one.
  const lineCount = text.endsWith('\n') ? lines.length - 1 : lines.length;
  const spans = acceptedSpans(index, edits);
  if (spans.length === 0) return { hunks: [] };

  // Group edits into blocks of affected old lines (1-based, inclusive).
  const blocks: { first: number; last: number; spans: Span[] }[] = [];
  for (const span of spans) {
    const first = index.positionAt(span.start).line;
    const last = index.positionAt(span.end).line;
    const previous = blocks[blocks.length - 1];
    if (previous && first - previous.last <= 2 * context + 1) {
      previous.last = Math.max(previous.last, last);
      previous.spans.push(span);
    } else {
      blocks.push({ first, last, spans: [span] });
    }
  }

  const hunks: FixPreviewHunk[] = [];
  let shift = 0;
  for (const block of blocks) {
    const blockStart = index.offsetAt({ line: block.first, column: 1 });
    const lastText = lines[block.last - 1] ?? '';
    const blockEnd =
      index.offsetAt({ line: block.last, column: 1 }) + lastText.length;
    let region = text.slice(blockStart, blockEnd);
    for (const span of [...block.spans].reverse()) {
      region =
        region.slice(0, span.start - blockStart) +
        span.text +
        region.slice(Math.min(span.end, blockEnd) - blockStart);
    }
    const before = lines.slice(block.first - 1, block.last);
    const after = region.split('\n').map(line => line.replace(/\r$/, ''));

    // Lines the edits leave as they were are context, not changes.
    let head = 0;
    while (
      head < before.length &&
      head < after.length &&
      before[head] === after[head]
    )
      head++;
    let tail = 0;
    while (
      tail < before.length - head &&
      tail < after.length - head &&
      before[before.length - 1 - tail] === after[after.length - 1 - tail]
    )
      tail++;
    const changed = diffLines(
      before.slice(head, before.length - tail),
      after.slice(head, after.length - tail),
    );
    const changeFirst = block.first + head;
    const changeLast = block.last - tail; // changeFirst - 1 for a pure insertion

    const contextFirst = Math.max(1, changeFirst - context);
    const contextLast = Math.min(lineCount, changeLast + context);
    const hunkLines: FixPreviewLine[] = [
      ...lines
        .slice(contextFirst - 1, changeFirst - 1)
        .map(t => ({ kind: 'context' as const, text: t })),
      ...changed,
      ...lines
        .slice(changeLast, contextLast)
        .map(t => ({ kind: 'context' as const, text: t })),
    ];
    const removedCount = changed.filter(l => l.kind === 'removed').length;
    const addedCount = changed.filter(l => l.kind === 'added').length;
    hunks.push({
      oldStart: contextFirst,
      newStart: contextFirst + shift,
      lines: hunkLines,
    });
    shift += addedCount - removedCount;
  }
  return { hunks };
}

/**
 * The fix as a unified diff (`git apply` / `patch -p1` reads it), for one file.
 *
 * @public
 */
export function formatFixPatch(path: string, preview: FixPreview): string {
  const out = [`--- a/${path}`, `+++ b/${path}`];
  for (const hunk of preview.hunks) {
    const oldCount = hunk.lines.filter(l => l.kind !== 'added').length;
    const newCount = hunk.lines.filter(l => l.kind !== 'removed').length;
    out.push(
      `@@ -${rangeText(hunk.oldStart, oldCount)} +${rangeText(
        hunk.newStart,
        newCount,
      )} @@`,
    );
    for (const line of hunk.lines) {
      const mark = { context: ' ', removed: '-', added: '+' }[line.kind];
      out.push(`${mark}${line.text}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * The lines of each hunk as they read after the fix (context included), hunks separated by a
 * blank line: the region to paste over the same lines of the file.
 *
 * @public
 */
export function fixedRegionOf(preview: FixPreview): string {
  return preview.hunks
    .map(hunk =>
      hunk.lines
        .filter(line => line.kind !== 'removed')
        .map(line => line.text)
        .join('\n'),
    )
    .join('\n\n');
}

interface Span {
  start: number;
  end: number;
  text: string;
}

function acceptedSpans(index: LineIndex, edits: readonly TextEdit[]): Span[] {
  const spans = edits
    .map(edit => ({
      start: index.offsetAt(edit.range.start),
      end: index.offsetAt(edit.range.end),
      text: edit.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: Span[] = [];
  for (const span of spans) {
    const previous = accepted[accepted.length - 1];
    if (!previous || span.start >= previous.end) accepted.push(span);
  }
  return accepted;
}

/**
 * A line diff of the changed middle of a block (longest common subsequence), so unchanged lines
 * between two edits read as context; removed lines come before added ones in each run.
 */
function diffLines(before: string[], after: string[]): FixPreviewLine[] {
  const n = before.length;
  const m = after.length;
  if (n * m > 40_000) {
    return [
      ...before.map(text => ({ kind: 'removed' as const, text })),
      ...after.map(text => ({ kind: 'added' as const, text })),
    ];
  }
  const common: number[][] = Array.from({ length: n + 1 }, () =>
    new Array<number>(m + 1).fill(0),
  );
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      common[i][j] =
        before[i] === after[j]
          ? common[i + 1][j + 1] + 1
          : Math.max(common[i + 1][j], common[i][j + 1]);
  const out: FixPreviewLine[] = [];
  let removed: FixPreviewLine[] = [];
  let added: FixPreviewLine[] = [];
  const flush = () => {
    out.push(...removed, ...added);
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      flush();
      out.push({ kind: 'context', text: before[i] });
      i++;
      j++;
    } else if (j < m && (i === n || common[i][j + 1] >= common[i + 1][j])) {
      added.push({ kind: 'added', text: after[j++] });
    } else {
      removed.push({ kind: 'removed', text: before[i++] });
    }
  }
  flush();
  return out;
}

function rangeText(start: number, count: number): string {
  // A hunk that adds to an empty region names the line before it, as diff does.
  if (count === 0) return `${Math.max(0, start - 1)},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
