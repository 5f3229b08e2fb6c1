import { parse as parseYaml } from 'yaml';
import type { ExecutionContext, Val } from './executeTemplate';
import {
  deepCopy,
  formatValue,
  goEqual,
  isGoMap,
  isTruthy,
  kindOf,
  sortedKeys,
  type GoMap,
} from './goValues';
import { goSprintf } from './goSprintf';
import { PLACEHOLDER_FUNCTIONS } from './placeholderFunctions';
import { compareSemver } from './semverCompare';
import { sha256Hex } from './sha256';
import { TemplateError, UnsupportedTemplateFeature } from './templateAst';
import { toGoYaml } from './toGoYaml';

type Plain = (args: unknown[], context: ExecutionContext) => unknown;

const str = (value: unknown) =>
  value === null || value === undefined ? '' : formatValue(value);
const num = (value: unknown): number => {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const parsed = Number(value.trim());
    return Number.isNaN(parsed) ? 0 : parsed;
  }
  return 0;
};
const int = (value: unknown) => Math.trunc(num(value));
const list = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined) return [];
  throw new TemplateError(`expected a list, got ${kindOf(value)}`);
};
const map = (value: unknown): GoMap => {
  if (isGoMap(value)) return value;
  throw new TemplateError(`expected a map, got ${kindOf(value)}`);
};

/** Sprig's `empty`. */
function isEmpty(value: unknown): boolean {
  return !isTruthy(value);
}

function mergeInto(target: GoMap, source: GoMap, overwrite: boolean) {
  for (const key of Object.keys(source)) {
    const from = source[key];
    const to = target[key];
    if (isGoMap(to) && isGoMap(from)) mergeInto(to, from, overwrite);
    else if (
      !(key in target) ||
      (overwrite && from !== undefined) ||
      (!overwrite && isEmpty(to) && !isGoMap(to))
    )
      target[key] = deepCopy(from);
  }
  return target;
}

/** A pattern a backtracking engine could spend exponential time on: refused. */
function safeRegExp(pattern: string, flags = ''): RegExp {
  if (pattern.length > 1000 || /\([^)]*[+*}][^)]*\)[+*{]/.test(pattern))
    throw new TemplateError(
      `regular expression ${JSON.stringify(
        pattern.slice(0, 60),
      )} is too complex to evaluate safely`,
    );
  const translated = pattern.replace(/\(\?P</g, '(?<');
  try {
    return new RegExp(translated, flags);
  } catch {
    throw new TemplateError(
      `bad regular expression ${JSON.stringify(pattern.slice(0, 60))}`,
    );
  }
}

function base64Encode(text: string): string {
  const bytes = new TextEncoder().encode(text);
  const alphabet =
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n =
      (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += alphabet[(n >> 18) & 63] + alphabet[(n >> 12) & 63];
    out += i + 1 < bytes.length ? alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? alphabet[n & 63] : '=';
  }
  return out;
}

function base64Decode(text: string): string {
  const alphabet =
    'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = text.replace(/[^A-Za-z0-9+/]/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const n =
      (alphabet.indexOf(clean[i]) << 18) |
      (alphabet.indexOf(clean[i + 1] ?? 'A') << 12) |
      ((clean[i + 2] ? alphabet.indexOf(clean[i + 2]) : 0) << 6) |
      (clean[i + 3] ? alphabet.indexOf(clean[i + 3]) : 0);
    bytes.push((n >> 16) & 255);
    if (clean[i + 2]) bytes.push((n >> 8) & 255);
    if (clean[i + 3]) bytes.push(n & 255);
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Go's encoding/json, as Sprig's toJson uses it: sorted keys, HTML characters escaped. */
function toGoJson(value: unknown, indent?: string): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (isGoMap(v))
      return Object.fromEntries(sortedKeys(v).map(k => [k, sort(v[k])]));
    return v;
  };
  return JSON.stringify(sort(value) ?? null, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

function indentLines(text: string, width: number, context: ExecutionContext) {
  const lines = text.split('\n').length;
  context.runtime.charge(Math.max(0, width) * lines, context.offset);
  const pad = ' '.repeat(Math.max(0, width));
  return pad + text.replace(/\n/g, `\n${pad}`);
}

function checkedRepeat(text: string, count: number, context: ExecutionContext) {
  context.runtime.charge(text.length * Math.max(0, count), context.offset);
  return text.repeat(Math.max(0, count));
}

const title = (s: string) =>
  s.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());
const words = (s: string) =>
  s.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);

const PLAIN: Record<string, Plain> = {
  // Go template built-ins
  not: ([a]) => !isTruthy(a),
  eq: ([a, ...others]) => others.some(b => goEqual(a, b)),
  ne: ([a, b]) => !goEqual(a, b),
  lt: ([a, b]) => (typeof a === 'string' ? a < str(b) : num(a) < num(b)),
  le: ([a, b]) => (typeof a === 'string' ? a <= str(b) : num(a) <= num(b)),
  gt: ([a, b]) => (typeof a === 'string' ? a > str(b) : num(a) > num(b)),
  ge: ([a, b]) => (typeof a === 'string' ? a >= str(b) : num(a) >= num(b)),
  len: ([a]) => {
    if (typeof a === 'string') return new TextEncoder().encode(a).length;
    if (Array.isArray(a)) return a.length;
    return isGoMap(a) ? Object.keys(a).length : 0;
  },
  index: ([collection, ...keys]) => {
    let current = collection;
    for (const key of keys) {
      if (Array.isArray(current)) current = current[int(key)];
      else if (isGoMap(current))
        current = Object.prototype.hasOwnProperty.call(current, str(key))
          ? current[str(key)]
          : null;
      else if (current === null || current === undefined)
        throw new TemplateError('index of untyped nil');
      else
        throw new TemplateError(`can't index item of type ${kindOf(current)}`);
    }
    return current ?? null;
  },
  print: args =>
    args
      .map(
        (a, i) =>
          (i > 0 && typeof a !== 'string' && typeof args[i - 1] !== 'string'
            ? ' '
            : '') + formatValue(a),
      )
      .join(''),
  println: args => `${args.map(formatValue).join(' ')}\n`,
  printf: ([format, ...args]) => goSprintf(str(format), args),
  urlquery: args => encodeURIComponent(args.map(str).join('')),
  html: args =>
    args
      .map(str)
      .join('')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&#34;')
      .replace(/'/g, '&#39;'),
  // Sprig: strings
  quote: args =>
    args
      .filter(a => a !== null && a !== undefined)
      .map(a => JSON.stringify(str(a)))
      .join(' '),
  squote: args =>
    args
      .filter(a => a !== null && a !== undefined)
      .map(a => `'${str(a)}'`)
      .join(' '),
  upper: ([s]) => str(s).toUpperCase(),
  lower: ([s]) => str(s).toLowerCase(),
  title: ([s]) => title(str(s)),
  untitle: ([s]) =>
    str(s).replace(/(^|\s)(\S)/g, (_, a, b) => a + b.toLowerCase()),
  trim: ([s]) => str(s).trim(),
  trimAll: ([cut, s]) => {
    const chars = new Set(str(cut));
    const text = str(s);
    let start = 0;
    let end = text.length;
    while (start < end && chars.has(text[start])) start++;
    while (end > start && chars.has(text[end - 1])) end--;
    return text.slice(start, end);
  },
  trimSuffix: ([suffix, s]) =>
    str(s).endsWith(str(suffix)) && str(suffix)
      ? str(s).slice(0, -str(suffix).length)
      : str(s),
  trimPrefix: ([prefix, s]) =>
    str(s).startsWith(str(prefix)) ? str(s).slice(str(prefix).length) : str(s),
  trunc: ([n, s]) => {
    const text = str(s);
    const count = int(n);
    if (count >= 0) return text.slice(0, count);
    return text.length + count > 0 ? text.slice(text.length + count) : text;
  },
  contains: ([needle, s]) => str(s).includes(str(needle)),
  hasPrefix: ([prefix, s]) => str(s).startsWith(str(prefix)),
  hasSuffix: ([suffix, s]) => str(s).endsWith(str(suffix)),
  replace: ([from, to, s], context) => {
    const text = str(s);
    const pieces = text.split(str(from));
    context.runtime.charge(
      str(to).length * (pieces.length - 1),
      context.offset,
    );
    return pieces.join(str(to));
  },
  repeat: ([count, s], context) => checkedRepeat(str(s), int(count), context),
  nospace: ([s]) => str(s).replace(/\s+/g, ''),
  substr: ([start, end, s]) => {
    const text = str(s);
    const from = int(start);
    const to = int(end);
    if (from < 0) return text.slice(0, to);
    if (to < 0 || to > text.length) return text.slice(from);
    return text.slice(from, to);
  },
  cat: args =>
    args
      .filter(a => a !== null && a !== undefined)
      .map(formatValue)
      .join(' '),
  indent: ([width, s], context) => indentLines(str(s), int(width), context),
  nindent: ([width, s], context) =>
    `\n${indentLines(str(s), int(width), context)}`,
  camelcase: ([s]) =>
    words(str(s))
      .map(w => w[0].toUpperCase() + w.slice(1))
      .join(''),
  kebabcase: ([s]) =>
    words(str(s))
      .map(w => w.toLowerCase())
      .join('-'),
  snakecase: ([s]) =>
    words(str(s))
      .map(w => w.toLowerCase())
      .join('_'),
  abbrev: ([width, s]) => {
    const text = str(s);
    const w = int(width);
    return text.length <= w || w < 4 ? text : `${text.slice(0, w - 3)}...`;
  },
  wrap: ([, s]) => str(s),
  regexMatch: ([pattern, s]) =>
    safeRegExp(str(pattern)).test(str(s).slice(0, 100000)),
  mustRegexMatch: ([pattern, s]) =>
    safeRegExp(str(pattern)).test(str(s).slice(0, 100000)),
  regexFind: ([pattern, s]) =>
    safeRegExp(str(pattern)).exec(str(s).slice(0, 100000))?.[0] ?? '',
  regexFindAll: ([pattern, s, n]) => {
    const found =
      str(s)
        .slice(0, 100000)
        .match(safeRegExp(str(pattern), 'g')) ?? [];
    return int(n) < 0 ? found : found.slice(0, int(n));
  },
  regexReplaceAll: ([pattern, s, replacement]) =>
    str(s)
      .slice(0, 100000)
      .replace(
        safeRegExp(str(pattern), 'g'),
        str(replacement)
          .replace(/\$\{?(\w+)\}?/g, '$<$1>')
          .replace(/\$<(\d+)>/g, '$$$1'),
      ),
  regexReplaceAllLiteral: ([pattern, s, replacement]) =>
    str(s)
      .slice(0, 100000)
      .replace(safeRegExp(str(pattern), 'g'), () => str(replacement)),
  regexSplit: ([pattern, s, n]) => {
    const parts = str(s)
      .slice(0, 100000)
      .split(safeRegExp(str(pattern)));
    return int(n) < 0 ? parts : parts.slice(0, int(n));
  },
  b64enc: ([s]) => base64Encode(str(s)),
  b64dec: ([s]) => base64Decode(str(s)),
  sha256sum: ([s]) => sha256Hex(str(s)),
  toStrings: ([a]) => list(a).map(str),
  toYaml: ([a]) => toGoYaml(a),
  mustToYaml: ([a]) => toGoYaml(a),
  toJson: ([a]) => toGoJson(a),
  mustToJson: ([a]) => toGoJson(a),
  toPrettyJson: ([a]) => toGoJson(a, '  '),
  toRawJson: ([a]) => JSON.stringify(a ?? null),
  fromYaml: ([s]) => {
    try {
      return parseYaml(str(s), { maxAliasCount: 100 }) ?? {};
    } catch (error) {
      return { Error: String((error as Error).message) };
    }
  },
  fromJson: ([s]) => {
    try {
      return JSON.parse(str(s));
    } catch {
      return {};
    }
  },
  // Sprig: numbers and types
  int: ([a]) => int(a),
  int64: ([a]) => int(a),
  float64: ([a]) => num(a),
  atoi: ([a]) => int(a),
  add: args => args.reduce<number>((sum, a) => sum + num(a), 0),
  add1: ([a]) => int(a) + 1,
  sub: ([a, b]) => num(a) - num(b),
  mul: args => args.reduce<number>((product, a) => product * num(a), 1),
  div: ([a, b]) => {
    if (num(b) === 0) throw new TemplateError('integer divide by zero');
    return Math.trunc(num(a) / num(b));
  },
  mod: ([a, b]) => {
    if (num(b) === 0) throw new TemplateError('integer divide by zero');
    return int(a) % int(b);
  },
  max: args => Math.max(...args.map(num)),
  min: args => Math.min(...args.map(num)),
  floor: ([a]) => Math.floor(num(a)),
  ceil: ([a]) => Math.ceil(num(a)),
  round: ([a, p]) => Number(num(a).toFixed(int(p))),
  kindOf: ([a]) => kindOf(a),
  kindIs: ([kind, a]) => kindOf(a) === str(kind),
  typeOf: ([a]) =>
    ((
      {
        string: 'string',
        bool: 'bool',
        int: 'int',
        float64: 'float64',
        slice: '[]interface {}',
        map: 'map[string]interface {}',
        invalid: '<nil>',
      } as Record<string, string>
    )[kindOf(a)] ?? 'func'),
  typeIs: ([type, a]) => PLAIN.typeOf([a], undefined as never) === str(type),
  deepEqual: ([a, b]) => toGoJson(a) === toGoJson(b),
  // Sprig: defaults and flow
  empty: ([a]) => isEmpty(a),
  coalesce: args => args.find(a => !isEmpty(a)) ?? null,
  ternary: ([yes, no, condition]) => (isTruthy(condition) ? yes : no),
  fail: ([message]) => {
    throw new TemplateError(`fail: ${str(message)}`);
  },
  // Sprig: lists
  list: args => [...args],
  tuple: args => [...args],
  append: ([l, v]) => [...list(l), v],
  push: ([l, v]) => [...list(l), v],
  mustAppend: ([l, v]) => [...list(l), v],
  prepend: ([l, v]) => [v, ...list(l)],
  concat: args => args.flatMap(a => list(a)),
  first: ([l]) => list(l)[0] ?? null,
  last: ([l]) => list(l)[list(l).length - 1] ?? null,
  rest: ([l]) => list(l).slice(1),
  initial: ([l]) => list(l).slice(0, -1),
  reverse: ([l]) => [...list(l)].reverse(),
  uniq: ([l]) =>
    list(l).filter((v, i, all) => all.findIndex(o => goEqual(o, v)) === i),
  compact: ([l]) => list(l).filter(v => !isEmpty(v)),
  has: ([needle, l]) => list(l).some(v => goEqual(v, needle)),
  without: ([l, ...omit]) =>
    list(l).filter(v => !omit.some(o => goEqual(o, v))),
  sortAlpha: ([l]) => list(l).map(str).sort(),
  join: ([separator, l], context) => {
    const joined = (Array.isArray(l) ? l : [l]).map(str).join(str(separator));
    context.runtime.charge(joined.length, context.offset);
    return joined;
  },
  split: ([separator, s]) =>
    Object.fromEntries(
      str(s)
        .split(str(separator))
        .map((p, i) => [`_${i}`, p]),
    ),
  splitList: ([separator, s]) => str(s).split(str(separator)),
  until: ([n], context) => {
    const count = int(n);
    context.runtime.charge(Math.max(0, count), context.offset);
    return Array.from({ length: Math.max(0, count) }, (_, i) => i);
  },
  untilStep: ([start, stop, step], context) => {
    const from = int(start);
    const to = int(stop);
    const by = int(step);
    if (by === 0) return [];
    const count = Math.max(0, Math.ceil((to - from) / by));
    context.runtime.charge(count, context.offset);
    return Array.from({ length: count }, (_, i) => from + i * by);
  },
  seq: ([a, b], context) => PLAIN.untilStep([a, int(b) + 1, 1], context),
  // Sprig: dictionaries
  dict: args => {
    const result: GoMap = {};
    for (let i = 0; i < args.length; i += 2)
      result[str(args[i])] = args[i + 1] ?? null;
    return result;
  },
  get: ([m, key]) => (isGoMap(m) && str(key) in m ? m[str(key)] : ''),
  set: ([m, key, value]) => {
    map(m)[str(key)] = value;
    return m;
  },
  unset: ([m, key]) => {
    delete map(m)[str(key)];
    return m;
  },
  hasKey: ([m, key]) =>
    isGoMap(m) && Object.prototype.hasOwnProperty.call(m, str(key)),
  keys: args => args.flatMap(m => Object.keys(map(m))),
  values: ([m]) => Object.values(map(m)),
  pick: ([m, ...keys]) =>
    Object.fromEntries(
      keys
        .map(str)
        .filter(k => k in map(m))
        .map(k => [k, map(m)[k]]),
    ),
  omit: ([m, ...keys]) =>
    Object.fromEntries(
      Object.entries(map(m)).filter(([k]) => !keys.map(str).includes(k)),
    ),
  pluck: ([key, ...maps]) =>
    maps
      .filter(m => isGoMap(m) && str(key) in m)
      .map(m => (m as GoMap)[str(key)]),
  dig: args => {
    const m = args[args.length - 1];
    const fallback = args[args.length - 2];
    let current: unknown = m;
    for (const key of args.slice(0, -2)) {
      if (!isGoMap(current) || !(str(key) in current)) return fallback;
      current = current[str(key)];
    }
    return current;
  },
  merge: ([target, ...sources]) =>
    sources.reduce<GoMap>((t, s) => mergeInto(t, map(s), false), map(target)),
  mustMerge: ([target, ...sources]) =>
    sources.reduce<GoMap>((t, s) => mergeInto(t, map(s), false), map(target)),
  mergeOverwrite: ([target, ...sources]) =>
    sources.reduce<GoMap>((t, s) => mergeInto(t, map(s), true), map(target)),
  mustMergeOverwrite: ([target, ...sources]) =>
    sources.reduce<GoMap>((t, s) => mergeInto(t, map(s), true), map(target)),
  deepCopy: ([a]) => deepCopy(a),
  mustDeepCopy: ([a]) => deepCopy(a),
  // Helm
  semverCompare: ([constraint, version]) =>
    compareSemver(str(constraint), str(version)),
  lookup: () => ({}),
};

Object.assign(PLAIN, { toString: (([a]) => str(a)) as Plain });

/** Functions needing more than their arguments' plain values. */
const SPECIAL: Record<string, (args: Val[], context: ExecutionContext) => Val> =
  {
    default: args => {
      if (args.length < 2) return args[0] ?? { v: null };
      const [fallback, given] = args.slice(-2);
      return isEmpty(given.v) ? fallback : given;
    },
    required: ([message, value], context) => {
      if (
        value === undefined ||
        value.v === null ||
        value.v === undefined ||
        value.v === ''
      )
        throw new TemplateError(
          `required value missing: ${str(message?.v)}`,
          context.offset,
        );
      return value;
    },
    include: ([name, data], context) => ({
      v: context.runtime.include(
        str(name?.v),
        data ?? { v: null },
        context.depth,
        context.offset,
      ),
    }),
    tpl: ([text, data], context) => ({
      v: context.runtime.tpl(
        str(text?.v),
        data ?? { v: null },
        context.depth,
        context.templateName,
      ),
    }),
  };

/** Functions deliberately not implemented: they would run code or reach outside the chart. */
const NOT_IMPLEMENTED = new Set(['call']);

/** Sprig's `mustX` variants, which fail where `X` returns a default: here the same function. */
function baseOfMust(name: string): string | undefined {
  if (!name.startsWith('must') || name.length < 5) return undefined;
  const base = name[4].toLowerCase() + name.slice(5);
  return base in PLAIN || base in PLACEHOLDER_FUNCTIONS ? base : undefined;
}

/** Path helpers as Go's `path` package has them (forward slashes). */
const PATH_FUNCTIONS: Record<string, Plain> = {
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
const FLOAT_FUNCTIONS: Record<string, Plain> = {
  addf: args => args.reduce<number>((sum, a) => sum + num(a), 0),
  add1f: ([a]) => num(a) + 1,
  subf: ([a, ...rest]) => rest.reduce<number>((d, b) => d - num(b), num(a)),
  mulf: args => args.reduce<number>((p, a) => p * num(a), 1),
  divf: ([a, ...rest]) => rest.reduce<number>((q, b) => q / num(b), num(a)),
  maxf: args => Math.max(...args.map(num)),
  minf: args => Math.min(...args.map(num)),
};

/** More of Sprig, less common in charts. */
const MORE_FUNCTIONS: Record<string, Plain> = {
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

for (const table of [
  PATH_FUNCTIONS,
  FLOAT_FUNCTIONS,
  MORE_FUNCTIONS,
  PLACEHOLDER_FUNCTIONS,
])
  for (const [name, fn] of Object.entries(table))
    if (!(name in PLAIN)) PLAIN[name] = fn as Plain;

/** The functions the renderer knows. */
export const HELM_FUNCTIONS: ReadonlySet<string> = new Set([
  ...Object.keys(PLAIN),
  ...Object.keys(SPECIAL),
  ...Object.keys(PLAIN).map(
    name => `must${name[0].toUpperCase()}${name.slice(1)}`,
  ),
]);

/** Calls a function; the result keeps the `.Values` path of the value it was made from. */
export function callHelmFunction(
  name: string,
  args: Val[],
  context: ExecutionContext,
): Val {
  if (NOT_IMPLEMENTED.has(name) || !HELM_FUNCTIONS.has(name))
    throw new UnsupportedTemplateFeature(name, context.offset);
  const special = SPECIAL[name];
  if (special) return special(args, context);
  const must = !(name in PLAIN) ? baseOfMust(name) : undefined;
  if (must) return callHelmFunction(must, args, context);
  let result: unknown;
  try {
    result = PLAIN[name](
      args.map(a => a.v),
      context,
    );
  } catch (error) {
    if (error instanceof TemplateError && error.offset === undefined)
      throw new TemplateError(
        `${name}: ${error.message}`,
        context.offset,
        error.limit,
      );
    throw error;
  }
  if (typeof result === 'string')
    context.runtime.charge(result.length, context.offset);
  const source = [...args].reverse().find(a => a.o);
  if (!source?.o || typeof result === 'boolean') return { v: result };
  const structured =
    source.o.structured ||
    ((name === 'toYaml' || name === 'mustToYaml' || name === 'toYamlPretty') &&
      (isGoMap(source.v) || Array.isArray(source.v)));
  return { v: result, o: { keyPath: source.o.keyPath, structured } };
}
