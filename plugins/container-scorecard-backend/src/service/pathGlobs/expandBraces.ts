/**
 * Brace expansion for annotation globs (`{a,b}`, `{1..3}`, `{a..e}`, nested), counted before it
 * is performed: `{1..100000},{1..99999}` is refused from its count, cheaply, without building a
 * single alternative.
 */

type Part =
  | { type: 'text'; text: string }
  | { type: 'group'; alternatives: Part[][] }
  | { type: 'range'; values: () => string[]; count: number };

const RANGE = /^(-?\d+|[a-zA-Z])\.\.(-?\d+|[a-zA-Z])(?:\.\.(-?\d+))?$/;

function rangeOf(body: string): Part | undefined {
  const match = RANGE.exec(body);
  if (!match) return undefined;
  const [, from, to, stepText] = match;
  const numeric = /\d/.test(from);
  if (numeric !== /\d/.test(to)) return undefined;
  const start = numeric ? Number(from) : from.charCodeAt(0);
  const end = numeric ? Number(to) : to.charCodeAt(0);
  const step = Math.abs(Number(stepText ?? 1)) || 1;
  const count = Math.floor(Math.abs(end - start) / step) + 1;
  const direction = end >= start ? step : -step;
  return {
    type: 'range',
    count,
    values: () =>
      Array.from({ length: count }, (_, i) => {
        const value = start + i * direction;
        return numeric ? String(value) : String.fromCharCode(value);
      }),
  };
}

/** Finds the `}` closing the `{` at `open`, honouring nesting and backslash escapes. */
function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Splits a group's body at its top-level commas. */
function splitAlternatives(body: string): string[] {
  const alternatives: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '\\') i++;
    else if (body[i] === '{') depth++;
    else if (body[i] === '}') depth--;
    else if (body[i] === ',' && depth === 0) {
      alternatives.push(body.slice(start, i));
      start = i + 1;
    }
  }
  alternatives.push(body.slice(start));
  return alternatives;
}

function parse(text: string): Part[] {
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < text.length; i++) {
    const close = text[i] === '{' ? closingBrace(text, i) : -1;
    if (text[i] === '\\') {
      literal += text.slice(i, i + 2);
      i++;
      continue;
    }
    if (close < 0) {
      literal += text[i];
      continue;
    }
    const body = text.slice(i + 1, close);
    const alternatives = splitAlternatives(body);
    const part: Part | undefined =
      alternatives.length > 1
        ? { type: 'group', alternatives: alternatives.map(parse) }
        : rangeOf(body);
    if (!part) {
      // `{x}` is not an expansion: the braces are literal, what they hold may still expand.
      literal += '{';
      continue;
    }
    if (literal) parts.push({ type: 'text', text: literal });
    literal = '';
    parts.push(part);
    i = close;
  }
  if (literal) parts.push({ type: 'text', text: literal });
  return parts;
}

/** Alternatives a sequence expands to, stopping at `cap` + 1: the figure only has to say "too many". */
function countOf(parts: Part[], cap: number): number {
  let total = 1;
  for (const part of parts) {
    let count = 1;
    if (part.type === 'range') count = part.count;
    if (part.type === 'group') {
      count = 0;
      for (const alternative of part.alternatives) {
        count = Math.min(count + countOf(alternative, cap), cap + 1);
      }
    }
    total = Math.min(total * count, cap + 1);
  }
  return total;
}

function expand(parts: Part[]): string[] {
  let results = [''];
  for (const part of parts) {
    let options: string[];
    if (part.type === 'text') options = [part.text];
    else if (part.type === 'range') options = part.values();
    else options = part.alternatives.flatMap(expand);
    results = results.flatMap(prefix => options.map(o => prefix + o));
  }
  return results;
}

/**
 * Expands the braces of `glob` when it gives at most `max` alternatives; otherwise returns
 * `undefined` without expanding anything.
 */
export function expandBraces(glob: string, max: number): string[] | undefined {
  const parts = parse(glob);
  if (countOf(parts, max) > max) return undefined;
  return expand(parts);
}
