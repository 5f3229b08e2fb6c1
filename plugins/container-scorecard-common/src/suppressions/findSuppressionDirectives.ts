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
  for (let line = 1; line <= lineIndex.lineCount; line++) {
    const text = lineIndex.lineText(line);
    const trimmed = text.trimStart();
    if (trimmed.startsWith('#')) {
      if (
        kind === 'dockerfile' &&
        instructionLines.some(r => line > r.from && line <= r.to)
      ) {
        continue; // a comment inside a continued instruction or a heredoc body
      }
      const directive = parseSuppressionComment(trimmed, line);
      if (!directive) continue;
      directives.push({
        ...directive,
        lines: coveredLines(directive, kind, lineIndex, instructionLines),
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

function coveredLines(
  directive: SuppressionDirective,
  kind: ContainerFileKind,
  lineIndex: LineIndex,
  instructionLines: { from: number; to: number }[],
): { from: number; to: number } | undefined {
  if (directive.scope === 'file') return undefined;
  if (kind === 'dockerfile') {
    return (
      instructionLines.find(r => r.from > directive.line) ?? { from: 0, to: -1 }
    );
  }
  for (let line = directive.line + 1; line <= lineIndex.lineCount; line++) {
    const trimmed = lineIndex.lineText(line).trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    return yamlBlock(lineIndex, line);
  }
  return { from: 0, to: -1 };
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
