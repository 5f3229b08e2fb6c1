import type { MappedText } from './MappedText';

/**
 * Removes shell quoting from one word, keeping track of where each remaining character came
 * from. Expansions (`$x`, `$(...)`) are kept as written: we analyse the text, we do not run it.
 */
export function unquoteWord(
  source: MappedText,
  from: number,
  to: number,
): MappedText {
  const raw = source.text;
  let text = '';
  const offsets: number[] = [];
  const emit = (index: number) => {
    text += raw[index];
    offsets.push(source.offsets[index]);
  };
  let quote: "'" | '"' | "$'" | undefined;
  for (let i = from; i < to; i++) {
    const char = raw[i];
    if (quote === "'") {
      if (char === "'") quote = undefined;
      else emit(i);
    } else if (quote === "$'") {
      if (char === '\\' && i + 1 < to) {
        emit(i);
        emit(++i);
      } else if (char === "'") quote = undefined;
      else emit(i);
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
      else if (char === '\\' && i + 1 < to && '$`"\\\n'.includes(raw[i + 1])) {
        i++;
        if (raw[i] !== '\n') emit(i);
      } else emit(i);
    } else if (char === "'") quote = "'";
    else if (char === '"') quote = '"';
    else if (char === '$' && raw[i + 1] === "'") {
      quote = "$'";
      i++;
    } else if (char === '\\' && i + 1 < to) {
      i++;
      if (raw[i] !== '\n') emit(i);
    } else emit(i);
  }
  const end =
    source.offsets[to - 1] !== undefined ? source.offsets[to - 1] + 1 : 0;
  offsets.push(end);
  return { text, offsets };
}
