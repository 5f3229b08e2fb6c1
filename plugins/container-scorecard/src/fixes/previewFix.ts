import type {
  ApiFinding,
  ApiPosition,
  ApiTextEdit,
} from '@container-scorecard/plugin-container-scorecard-common';

/** One block of a fix preview: the lines a fix removes and the lines it adds, at a file line. */
export interface FixHunk {
  /** 1-based line of the file the hunk starts at. */
  line: number;
  removed: string[];
  added: string[];
  /**
   * True when the fix replaces text outside the finding's snippet: the portal does not have the
   * file, so it can say where the replacement goes but not show the old text.
   */
  removedTextUnknown?: boolean;
  /** Where the unknown replaced text starts and ends, for the message. */
  replacedRange?: { start: ApiPosition; end: ApiPosition };
}

const TRUNCATION_MARK = '\n…';

/**
 * Turns a finding's fix (text edits at ranges of the file) into hunks a person can read.
 *
 * The portal only has the finding's snippet, the exact text of `finding.range`, not the whole file.
 * Edits inside the snippet are applied to it to show a before/after; edits elsewhere (typically an
 * insertion such as a new USER line) are shown as what they add at which line.
 */
export function previewFix(finding: ApiFinding): FixHunk[] {
  const edits = [...(finding.fix?.edits ?? [])].sort((a, b) =>
    compare(a.range.start, b.range.start),
  );
  if (edits.length === 0) return [];

  const snippet = finding.snippet.endsWith(TRUNCATION_MARK)
    ? finding.snippet.slice(0, -TRUNCATION_MARK.length)
    : finding.snippet;
  const start = finding.range.start;
  const end = endOf(snippet, start);

  const inside = edits.filter(
    edit =>
      compare(edit.range.start, start) >= 0 &&
      compare(edit.range.end, end) <= 0,
  );
  const outside = edits.filter(edit => !inside.includes(edit));

  const hunks: FixHunk[] = outside.map(edit => outsideHunk(edit));
  if (inside.length > 0) {
    hunks.push({
      line: start.line,
      removed: snippet.split('\n'),
      added: applyInside(snippet, start, inside).split('\n'),
    });
  }
  return hunks.sort((a, b) => a.line - b.line);
}

/** The text a person would paste: every added line of every hunk, in file order. */
export function fixText(hunks: readonly FixHunk[]): string {
  return hunks.map(hunk => hunk.added.join('\n')).join('\n');
}

function outsideHunk(edit: ApiTextEdit): FixHunk {
  const isInsertion = compare(edit.range.start, edit.range.end) === 0;
  const added = edit.newText.replace(/\n$/, '');
  return {
    line: edit.range.start.line,
    removed: [],
    added: added === '' ? [] : added.split('\n'),
    ...(isInsertion
      ? {}
      : { removedTextUnknown: true, replacedRange: edit.range }),
  };
}

// Applies edits from the end so the earlier offsets stay valid; overlapping edits are skipped,
// as the rule engine's applyTextEdits does.
function applyInside(
  snippet: string,
  start: ApiPosition,
  edits: readonly ApiTextEdit[],
): string {
  const lineStarts = [0];
  for (let i = 0; i < snippet.length; i++) {
    if (snippet[i] === '\n') lineStarts.push(i + 1);
  }
  const offsetOf = (position: ApiPosition) => {
    const lineIndex = position.line - start.line;
    const column =
      lineIndex === 0 ? position.column - start.column : position.column - 1;
    return lineStarts[lineIndex] + column;
  };
  let result = snippet;
  let previousStart = Number.POSITIVE_INFINITY;
  for (const edit of [...edits].reverse()) {
    const from = offsetOf(edit.range.start);
    const to = offsetOf(edit.range.end);
    if (to > previousStart) continue;
    result = result.slice(0, from) + edit.newText + result.slice(to);
    previousStart = from;
  }
  return result;
}

function endOf(text: string, start: ApiPosition): ApiPosition {
  const lines = text.split('\n');
  const last = lines[lines.length - 1];
  return lines.length === 1
    ? { line: start.line, column: start.column + last.length }
    : { line: start.line + lines.length - 1, column: last.length + 1 };
}

function compare(a: ApiPosition, b: ApiPosition): number {
  return a.line - b.line || a.column - b.column;
}
