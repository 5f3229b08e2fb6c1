// Go's template built-ins and the Sprig functions charts use, on plain values.
import { parse as parseYaml } from 'yaml';
import {
  base64Decode,
  base64Encode,
  checkedRepeat,
  indentLines,
  int,
  isEmpty,
  list,
  map,
  mergeInto,
  num,
  safeRegExp,
  str,
  title,
  toGoJson,
  words,
  type Plain,
} from './functionHelpers';
import {
  deepCopy,
  formatValue,
  goEqual,
  isGoMap,
  isTruthy,
  kindOf,
  type GoMap,
} from './goValues';
import { goSprintf } from './goSprintf';
import { compareSemver } from './semverCompare';
import { sha256Hex } from './sha256';
import { TemplateError } from './templateAst';
import { toGoYaml } from './toGoYaml';

/** Functions of plain values, by name. */
export const PLAIN: Record<string, Plain> = {
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
