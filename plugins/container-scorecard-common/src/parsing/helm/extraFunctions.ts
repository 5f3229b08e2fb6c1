// Sprig functions less common in charts: Go's path helpers, float math and the rest.
import { parse as parseYaml } from 'yaml';
import { int, list, num, str, type Plain } from './functionHelpers';
import { isTruthy } from './goValues';
import { PLAIN } from './sprigFunctions';
import { toGoYaml } from './toGoYaml';

/** Path helpers as Go's `path` package has them (forward slashes). */
export const PATH_FUNCTIONS: Record<string, Plain> = {
  base: ([p]) =>
    str(p).replace(/\/+$/, '').split('/').pop() ||
    (str(p).startsWith('/') ? '/' : '.'),
  dir: ([p]) => {
    const text = str(p).replace(/\/+$/, '');
    const slash = text.lastIndexOf('/');
    if (slash < 0) return '.';
    return slash === 0 ? '/' : text.slice(0, slash);
  },
  ext: ([p]) => /(\.[^./]*)$/.exec(str(p))?.[1] ?? '',
  clean: ([p]) =>
    str(p)
      .replace(/\/{2,}/g, '/')
      .replace(/(^|\/)\.\//g, '$1') || '.',
  isAbs: ([p]) => str(p).startsWith('/'),
};

/** Float math, Sprig's `addf` family. */
export const FLOAT_FUNCTIONS: Record<string, Plain> = {
  addf: args => args.reduce<number>((sum, a) => sum + num(a), 0),
  add1f: ([a]) => num(a) + 1,
  subf: ([a, ...rest]) => rest.reduce<number>((d, b) => d - num(b), num(a)),
  mulf: args => args.reduce<number>((p, a) => p * num(a), 1),
  divf: ([a, ...rest]) => rest.reduce<number>((q, b) => q / num(b), num(a)),
  maxf: args => Math.max(...args.map(num)),
  minf: args => Math.min(...args.map(num)),
};

/** More of Sprig, less common in charts. */
export const MORE_FUNCTIONS: Record<string, Plain> = {
  trimall: ([cut, s], context) => PLAIN.trimAll([cut, s], context),
  toYamlPretty: ([a]) => toGoYaml(a),
  fromYamlArray: ([s]) => {
    try {
      const value = parseYaml(str(s), { maxAliasCount: 100 });
      return Array.isArray(value) ? value : [];
    } catch (error) {
      return [String((error as Error).message)];
    }
  },
  fromJsonArray: ([s]) => {
    try {
      const value = JSON.parse(str(s));
      return Array.isArray(value) ? value : [];
    } catch {
      return [];
    }
  },
  slice: ([l, start, end]) =>
    typeof l === 'string'
      ? l.slice(int(start), end === undefined ? undefined : int(end))
      : list(l).slice(int(start), end === undefined ? undefined : int(end)),
  chunk: ([size, l]) => {
    const width = Math.max(1, int(size));
    const items = list(l);
    const chunks: unknown[][] = [];
    for (let i = 0; i < items.length; i += width)
      chunks.push(items.slice(i, i + width));
    return chunks;
  },
  splitn: ([separator, n, s]) => {
    const parts = str(s).split(str(separator));
    const count = int(n);
    const kept =
      count > 0 && parts.length > count
        ? [
            ...parts.slice(0, count - 1),
            parts.slice(count - 1).join(str(separator)),
          ]
        : parts;
    return Object.fromEntries(kept.map((p, i) => [`_${i}`, p]));
  },
  regexQuoteMeta: ([s]) => str(s).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
  js: args =>
    args
      .map(str)
      .join('')
      .replace(
        /[\\'"<>&=]/g,
        c =>
          `\\u00${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
      ),
  toDecimal: ([s]) => parseInt(str(s), 8) || 0,
  typeIsLike: ([type, a]) => {
    const actual = PLAIN.typeOf([a], undefined as never) as string;
    return actual === str(type) || `*${actual}` === str(type);
  },
  all: args => args.every(isTruthy),
  any: args => args.some(isTruthy),
  initials: ([s]) =>
    str(s)
      .split(/\s+/)
      .filter(Boolean)
      .map(w => w[0])
      .join(''),
  swapcase: ([s]) =>
    str(s).replace(/\p{L}/gu, c =>
      c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase(),
    ),
  shuffle: ([s]) => str(s),
  plural: ([one, many, n]) => (int(n) === 1 ? str(one) : str(many)),
  wrapWith: ([, , s]) => str(s),
  abbrevboth: ([, width, s]) => PLAIN.abbrev([width, s], undefined as never),
  sortAlpha: ([l]) => list(l).map(str).sort(),
};
