import type { SourcePosition, SourceRange } from '../model/types';

/**
 * Converts between string offsets and 1-based line/column positions of one text.
 * Every parser we use reports positions differently (offsets, 0-based LSP positions, 1-based
 * YAML positions); rules only ever see the 1-based form produced here.
 */
export class LineIndex {
  private readonly lineStarts: number[];

  constructor(readonly text: string) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): SourcePosition {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - this.lineStarts[low] + 1 };
  }

  offsetAt(position: SourcePosition): number {
    const lineIndex = Math.max(
      0,
      Math.min(position.line - 1, this.lineStarts.length - 1),
    );
    const offset = this.lineStarts[lineIndex] + position.column - 1;
    return Math.max(0, Math.min(offset, this.text.length));
  }

  rangeOf(startOffset: number, endOffset: number): SourceRange {
    return {
      start: this.positionAt(startOffset),
      end: this.positionAt(endOffset),
    };
  }

  /** Converts a 0-based LSP-style position (as `dockerfile-ast` reports it). */
  fromZeroBased(position: { line: number; character: number }): SourcePosition {
    return { line: position.line + 1, column: position.character + 1 };
  }

  fromZeroBasedRange(range: {
    start: { line: number; character: number };
    end: { line: number; character: number };
  }): SourceRange {
    return {
      start: this.fromZeroBased(range.start),
      end: this.fromZeroBased(range.end),
    };
  }

  textOf(range: SourceRange): string {
    return this.text.slice(
      this.offsetAt(range.start),
      this.offsetAt(range.end),
    );
  }

  /** The text of line `line` (1-based), without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line - 1];
    if (start === undefined) return '';
    const next = this.lineStarts[line];
    const end = next === undefined ? this.text.length : next - 1;
    return this.text.slice(start, end).replace(/\r$/, '');
  }
}
