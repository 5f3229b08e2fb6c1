import type { DockerInstruction } from '../../../parsing/dockerfile/dockerfileTypes';
import type { SourceRange } from '../../../model/types';
import type { LineIndex } from '../../../text/LineIndex';

/** One `key=value` of an ENV, ARG or LABEL instruction. */
export interface KeyValuePair {
  key: string;
  /** The value with quotes removed; undefined for `ARG NAME` without a default. */
  value?: string;
  keyRange: SourceRange;
  /** The whole pair as written. */
  range: SourceRange;
}

interface Word {
  text: string;
  start: number;
  end: number;
  /** File offset of the first unquoted `=`, when there is one. */
  equals?: number;
  /** Length of `text` before that `=`. */
  keyLength?: number;
}

function isBlank(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\n';
}

/** Splits instruction arguments into words the way the Dockerfile frontend does for ENV/ARG/LABEL. */
function wordsOf(
  content: string,
  start: number,
  end: number,
  escapeChar: string,
): Word[] {
  const words: Word[] = [];
  let current: Word | undefined;
  let quote: string | undefined;
  for (let i = start; i < end; i++) {
    const char = content[i];
    if (!quote && char === escapeChar) {
      // A line continuation separates words; a comment line after it is dropped.
      let j = i + 1;
      while (j < end && (content[j] === ' ' || content[j] === '\t')) j++;
      if (content[j] === '\r') j++;
      if (j >= end || content[j] === '\n') {
        if (current) words.push(current);
        current = undefined;
        i = j;
        for (;;) {
          let k = i + 1;
          while (k < end && (content[k] === ' ' || content[k] === '\t')) k++;
          if (content[k] !== '#') break;
          const newline = content.indexOf('\n', k);
          i = newline < 0 || newline >= end ? end : newline;
        }
        continue;
      }
    }
    if (!quote && isBlank(char)) {
      if (current) words.push(current);
      current = undefined;
      continue;
    }
    current ??= { text: '', start: i, end: i };
    current.end = i + 1;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (quote === '"' && char === escapeChar && i + 1 < end) {
        current.text += content[++i];
        current.end = i + 1;
      } else current.text += char;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === escapeChar && i + 1 < end) {
      current.text += content[++i];
      current.end = i + 1;
    } else {
      if (char === '=' && current.equals === undefined) {
        current.equals = i;
        current.keyLength = current.text.length;
      }
      current.text += char;
    }
  }
  if (current) words.push(current);
  return words;
}

/**
 * The `key=value` pairs of an ENV, ARG or LABEL instruction, with positions. Handles quotes,
 * escapes, continuations and the legacy `ENV KEY value with spaces` form.
 */
export function keyValuePairs(
  instruction: DockerInstruction,
  lineIndex: LineIndex,
  escapeChar: string,
): KeyValuePair[] {
  if (instruction.argumentsStartOffset === undefined) return [];
  const words = wordsOf(
    lineIndex.text,
    instruction.argumentsStartOffset,
    instruction.endOffset,
    escapeChar,
  );
  if (words.length === 0) return [];
  const first = words[0];
  if (instruction.keyword === 'ENV' && first.equals === undefined) {
    const last = words[words.length - 1];
    return [
      {
        key: first.text,
        value: words
          .slice(1)
          .map(w => w.text)
          .join(' '),
        keyRange: lineIndex.rangeOf(first.start, first.end),
        range: lineIndex.rangeOf(first.start, last.end),
      },
    ];
  }
  return words.map(word => {
    const keyEnd = word.equals ?? word.end;
    return {
      key:
        word.keyLength === undefined
          ? word.text
          : word.text.slice(0, word.keyLength),
      value:
        word.keyLength === undefined
          ? undefined
          : word.text.slice(word.keyLength + 1),
      keyRange: lineIndex.rangeOf(word.start, keyEnd),
      range: lineIndex.rangeOf(word.start, word.end),
    };
  });
}
