import { contiguousText, type MappedText } from '../shell/MappedText';

/** A heredoc of an instruction, as file offsets. */
export interface HeredocSpan {
  /** Start of the body (first character after the line holding `<<EOF`). */
  bodyStart: number;
  bodyEnd: number;
  /** End of the closing delimiter. */
  end: number;
}

const HEREDOC_ONLY_LINE = /^\s*(<<-?\s*(["']?)[A-Za-z0-9_.-]+\2\s*)+$/;
const SHELL_SHEBANG = /^#!\s*\S*\/(env\s+)?(ba|da|a|z|k)?sh\b/;

/**
 * Turns the arguments of a shell-form instruction into the script(s) its shell will run, the
 * way the Dockerfile frontend does before handing them to `/bin/sh -c`:
 * - an escape character at the end of a line joins the next line;
 * - comment lines and empty lines inside a continued instruction are dropped;
 * - heredoc bodies are kept verbatim;
 * - `RUN <<EOF` alone makes the heredoc body the script (unless its shebang names another
 *   interpreter, such as python).
 */
export function shellSourcesOfInstruction(
  content: string,
  argumentsStart: number,
  end: number,
  escapeChar: string,
  heredocs: HeredocSpan[],
): MappedText[] {
  const firstLineEnd = lineEnd(content, argumentsStart, end);
  if (
    heredocs.length > 0 &&
    HEREDOC_ONLY_LINE.test(content.slice(argumentsStart, firstLineEnd))
  ) {
    return heredocs
      .map(h =>
        contiguousText(content.slice(h.bodyStart, h.bodyEnd), h.bodyStart),
      )
      .filter(
        body => !body.text.startsWith('#!') || SHELL_SHEBANG.test(body.text),
      );
  }
  return [
    joinContinuations(content, argumentsStart, end, escapeChar, heredocs),
  ];
}

function lineEnd(content: string, from: number, limit: number): number {
  const newline = content.indexOf('\n', from);
  return newline < 0 || newline > limit ? limit : newline;
}

function joinContinuations(
  content: string,
  start: number,
  end: number,
  escapeChar: string,
  heredocs: HeredocSpan[],
): MappedText {
  let text = '';
  const offsets: number[] = [];
  let i = start;
  const heredocAt = heredocFinder(heredocs);
  while (i < end) {
    const heredoc = heredocAt(i);
    if (heredoc) {
      for (; i < heredoc.end; i++) {
        if (content[i] === '\r') continue;
        text += content[i];
        offsets.push(i);
      }
      continue;
    }
    const char = content[i];
    if (char === escapeChar) {
      const next = afterLineBreak(content, i + 1, end);
      if (next !== undefined) {
        i = skipCommentAndEmptyLines(content, next, end);
        continue;
      }
    }
    if (char !== '\r') {
      text += char;
      offsets.push(i);
    }
    i++;
  }
  offsets.push(end);
  return { text, offsets };
}

/**
 * The heredoc whose body or delimiter holds an offset, for offsets asked in increasing order.
 * Heredocs follow one another, so a cursor finds each in constant time; searching them all for
 * every character cost characters x heredocs. Out-of-order spans (never produced by the parser)
 * fall back to that search.
 */
function heredocFinder(
  heredocs: HeredocSpan[],
): (offset: number) => HeredocSpan | undefined {
  const ordered = heredocs.every(
    (h, k) => k === 0 || heredocs[k - 1].end <= h.bodyStart,
  );
  if (!ordered)
    return offset =>
      heredocs.find(h => offset >= h.bodyStart && offset < h.end);
  let next = 0;
  return offset => {
    while (next < heredocs.length && heredocs[next].end <= offset) next++;
    const heredoc = heredocs[next];
    return heredoc && offset >= heredoc.bodyStart ? heredoc : undefined;
  };
}

/** If only blanks then a line break follow `from`, returns the offset after the line break. */
function afterLineBreak(
  content: string,
  from: number,
  end: number,
): number | undefined {
  let i = from;
  while (i < end && (content[i] === ' ' || content[i] === '\t')) i++;
  if (content[i] === '\r') i++;
  if (content[i] === '\n') return i + 1;
  return i >= end ? end : undefined;
}

function skipCommentAndEmptyLines(
  content: string,
  from: number,
  end: number,
): number {
  let i = from;
  for (;;) {
    let j = i;
    while (j < end && (content[j] === ' ' || content[j] === '\t')) j++;
    if (content[j] === '#' || content[j] === '\n' || content[j] === '\r') {
      const newline = content.indexOf('\n', j);
      if (newline < 0 || newline >= end) return end;
      i = newline + 1;
      continue;
    }
    return i;
  }
}
