/**
 * A piece of text extracted from a file (a RUN's shell after line continuations are joined, the
 * string passed to `sh -c`, ...) together with the file offset of every character, so that
 * anything found in it can be reported at its real place in the file.
 */
export interface MappedText {
  text: string;
  /** `offsets[i]` is the file offset of `text[i]`; one extra entry marks the end. */
  offsets: number[];
}

/** A text copied verbatim from `fileOffset` on. */
export function contiguousText(text: string, fileOffset: number): MappedText {
  const offsets = new Array<number>(text.length + 1);
  for (let i = 0; i <= text.length; i++) offsets[i] = fileOffset + i;
  return { text, offsets };
}

/** File offsets [start, end) of the characters [from, to) of a mapped text. */
export function fileSpan(
  source: MappedText,
  from: number,
  to: number,
): { start: number; end: number } {
  const start =
    source.offsets[from] ?? source.offsets[source.offsets.length - 1];
  if (to <= from) return { start, end: start };
  const last = source.offsets[to - 1] ?? start;
  return { start, end: last + 1 };
}
