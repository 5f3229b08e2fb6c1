import type { LineIndex } from '../../text/LineIndex';
import type { MappedText } from '../shell/MappedText';
import type { ShellWord } from '../shell/shellTypes';

const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * Decodes one JSON string of an exec-form instruction (`"sh"`, `"-c"`, `"echo \"hi\""`), keeping
 * the file offset of each decoded character so an embedded script can be parsed in place.
 * `dockerfile-ast`'s own decoding drops characters in some escapes, so we decode from the source.
 */
export function jsonStringWord(
  content: string,
  startOffset: number,
  endOffset: number,
  lineIndex: LineIndex,
): { word: ShellWord; mapped: MappedText } {
  const raw = content.slice(startOffset, endOffset);
  let text = '';
  const offsets: number[] = [];
  const quoted = raw.startsWith('"');
  const from = quoted ? 1 : 0;
  const to =
    quoted && raw.endsWith('"') && raw.length > 1 ? raw.length - 1 : raw.length;
  for (let i = from; i < to; i++) {
    const char = raw[i];
    const at = startOffset + i;
    if (char !== '\\' || i + 1 >= to) {
      text += char;
      offsets.push(at);
      continue;
    }
    const next = raw[i + 1];
    if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16));
      offsets.push(at);
      i += 5;
    } else {
      text += SIMPLE_ESCAPES[next] ?? next;
      offsets.push(at);
      i += 1;
    }
  }
  offsets.push(startOffset + to);
  return {
    word: {
      value: text,
      raw,
      range: lineIndex.rangeOf(startOffset, endOffset),
      startOffset,
      endOffset,
    },
    mapped: { text, offsets },
  };
}
