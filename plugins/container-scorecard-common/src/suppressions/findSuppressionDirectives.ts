import type { ContainerFileKind } from '../model/types';
import type { LineIndex } from '../text/LineIndex';
import {
  parseSuppressionComment,
  type SuppressionDirective,
} from './parseSuppressionComment';

/** A directive with the lines it covers. */
export interface ScopedDirective extends SuppressionDirective {
  /** Covered lines, inclusive; undefined for the whole file. */
  lines?: { from: number; to: number };
}

/**
 * Finds the waivers of a file and the lines each one covers.
 * In a Dockerfile a comment covers the next instruction (all its lines); in YAML it covers the
 * next key and the block indented under it, and a trailing comment covers its own line.
 */
export function findSuppressionDirectives(
  kind: ContainerFileKind,
  lineIndex: LineIndex,
  instructionLines: { from: number; to: number }[],
): ScopedDirective[] {
  const directives: ScopedDirective[] = [];
  const continued =
    kind === 'dockerfile'
      ? continuationLines(instructionLines, lineIndex.lineCount)
      : undefined;
  const nextInstruction = instructionAfter(instructionLines);
  const nextContentLine = contentLineFinder(lineIndex);
  for (let line = 1; line <= lineIndex.lineCount; line++) {
    const text = lineIndex.lineText(line);
    const trimmed = text.trimStart();
    if (trimmed.startsWith('#')) {
      if (continued?.[line]) {
        continue; // a comment inside a continued instruction or a heredoc body
      }
      const directive = parseSuppressionComment(trimmed, line);
      if (!directive) continue;
      directives.push({
        ...directive,
        lines: coveredLines(
          directive,
          kind,
          lineIndex,
          nextInstruction,
          nextContentLine,
        ),
      });
    } else if (kind !== 'dockerfile') {
      const trailing = /\s(#\s*scorecard\s.*)$/.exec(text);
      const directive = trailing
        ? parseSuppressionComment(trailing[1], line)
        : undefined;
      if (directive && directive.scope === 'next') {
        directives.push({
          ...directive,
          scope: 'line',
          lines: yamlBlock(lineIndex, line),
        });
      }
    }
  }
  return directives;
}

/**
 * Lines after the first line of a multi-line instruction (continuations, heredoc bodies), marked
 * in one pass: asking every instruction about every comment line cost comments x instructions.
 */
function continuationLines(
  instructionLines: readonly { from: number; to: number }[],
  lineCount: number,
): Uint8Array {
  // Counts of instructions open at each line, from a difference array.
  const delta = new Int32Array(lineCount + 2);
  for (const { from, to } of instructionLines) {
    const first = Math.max(from + 1, 1);
    const last = Math.min(to, lineCount);
    if (first > last) continue;
    delta[first]++;
    delta[last + 1]--;
  }
  const inside = new Uint8Array(lineCount + 1);
  let open = 0;
  for (let line = 1; line <= lineCount; line++) {
    open += delta[line];
    inside[line] = open > 0 ? 1 : 0;
  }
  return inside;
}

/**
 * The first instruction (in file order) starting after a line: a binary search over the
 * instructions, which the parser lists by position; out of order, the search of them all.
 */
function instructionAfter(
  instructionLines: readonly { from: number; to: number }[],
): (line: number) => { from: number; to: number } | undefined {
  const ordered = instructionLines.every(
    (r, k) => k === 0 || instructionLines[k - 1].from <= r.from,
  );
  if (!ordered) return line => instructionLines.find(r => r.from > line);
  return line => {
    let low = 0;
    let high = instructionLines.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (instructionLines[mid].from <= line) low = mid + 1;
      else high = mid;
    }
    return instructionLines[low];
  };
}

function coveredLines(
  directive: SuppressionDirective,
  kind: ContainerFileKind,
  lineIndex: LineIndex,
  nextInstruction: (line: number) => { from: number; to: number } | undefined,
  nextContentLine: (line: number) => number | undefined,
): { from: number; to: number } | undefined {
  if (directive.scope === 'file') return undefined;
  if (kind === 'dockerfile') {
    return nextInstruction(directive.line) ?? { from: 0, to: -1 };
  }
  const line = nextContentLine(directive.line);
  return line === undefined ? { from: 0, to: -1 } : yamlBlock(lineIndex, line);
}

/**
 * The first line after a given one that is neither blank nor a comment, from a table built on
 * the first question: scanning forward from each waiver comment cost the square of the length
 * of a run of comment lines.
 */
function contentLineFinder(
  lineIndex: LineIndex,
): (after: number) => number | undefined {
  let next: Int32Array | undefined;
  return after => {
    if (!next) {
      const lineCount = lineIndex.lineCount;
      next = new Int32Array(lineCount + 2); // 0: no content line follows
      for (let line = lineCount; line >= 1; line--) {
        const trimmed = lineIndex.lineText(line).trim();
        next[line] =
          trimmed === '' || trimmed.startsWith('#') ? next[line + 1] : line;
      }
    }
    const found = next[after + 1];
    return found > 0 ? found : undefined;
  };
}

/**
 * A YAML line and the block under it: for `key:` the lines indented deeper (or a sequence
 * written at the key's own indentation), for `- item: x` the rest of that sequence item.
 */
function yamlBlock(
  lineIndex: LineIndex,
  line: number,
): { from: number; to: number } {
  const indent = (text: string) => text.length - text.trimStart().length;
  const baseText = lineIndex.lineText(line);
  const isItem = baseText.trimStart().startsWith('-');
  const keyColumn = isItem
    ? indent(baseText) + /^-\s*/.exec(baseText.trimStart())![0].length
    : indent(baseText);
  let to = line;
  for (let next = line + 1; next <= lineIndex.lineCount; next++) {
    const text = lineIndex.lineText(next);
    const trimmed = text.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const column = indent(text);
    const inside = isItem
      ? column >= keyColumn
      : column > keyColumn || (column === keyColumn && trimmed.startsWith('-'));
    if (!inside) break;
    to = next;
  }
  return { from: line, to };
}
