import type { TextEdit } from '../model/types';
import { LineIndex } from '../text/LineIndex';

/**
 * Applies text edits to a text (the CLI's `--fix`, a preview in the portal). Edits are applied
 * from the end so earlier ranges stay valid; overlapping edits after the first are skipped.
 *
 * @public
 */
export function applyTextEdits(
  text: string,
  edits: readonly TextEdit[],
): string {
  const index = new LineIndex(text);
  const spans = edits
    .map(edit => ({
      start: index.offsetAt(edit.range.start),
      end: index.offsetAt(edit.range.end),
      text: edit.newText,
    }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const accepted: typeof spans = [];
  for (const span of spans) {
    const previous = accepted[accepted.length - 1];
    if (!previous || span.start >= previous.end) accepted.push(span);
  }
  let result = text;
  for (const span of accepted.reverse()) {
    result = result.slice(0, span.start) + span.text + result.slice(span.end);
  }
  return result;
}
