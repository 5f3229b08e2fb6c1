// Argument coercions and shared helpers of the template functions, as Go and Sprig behave.
import type { ExecutionContext } from './executeTemplate';
import {
  deepCopy,
  formatValue,
  isGoMap,
  isTruthy,
  kindOf,
  sortedKeys,
  type GoMap,
} from './goValues';
import { TemplateError } from './templateAst';

export type Plain = (args: unknown[], context: ExecutionContext) => unknown;

export const str = (value: unknown) =>
  value === null || value === undefined ? '' : formatValue(value);
export const num = (value: unknown): number => {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'string') {
    const parsed = Number(value.trim());
    return Number.isNaN(parsed) ? 0 : parsed;
  }
  return 0;
};
export const int = (value: unknown) => Math.trunc(num(value));
export const list = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  if (value === null || value === undefined) return [];
  throw new TemplateError(`expected a list, got ${kindOf(value)}`);
};
export const map = (value: unknown): GoMap => {
  if (isGoMap(value)) return value;
  throw new TemplateError(`expected a map, got ${kindOf(value)}`);
};

/** Sprig's `empty`. */
export function isEmpty(value: unknown): boolean {
  return !isTruthy(value);
}

export function mergeInto(target: GoMap, source: GoMap, overwrite: boolean) {
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
export function safeRegExp(pattern: string, flags = ''): RegExp {
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

export function base64Encode(text: string): string {
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

export function base64Decode(text: string): string {
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
export function toGoJson(value: unknown, indent?: string): string {
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

export function indentLines(
  text: string,
  width: number,
  context: ExecutionContext,
) {
  const lines = text.split('\n').length;
  context.runtime.charge(Math.max(0, width) * lines, context.offset);
  const pad = ' '.repeat(Math.max(0, width));
  return pad + text.replace(/\n/g, `\n${pad}`);
}

export function checkedRepeat(
  text: string,
  count: number,
  context: ExecutionContext,
) {
  context.runtime.charge(text.length * Math.max(0, count), context.offset);
  return text.repeat(Math.max(0, count));
}

export const title = (s: string) =>
  s.replace(/(^|[^\p{L}\p{N}'])(\p{L})/gu, (_, a, b) => a + b.toUpperCase());
export const words = (s: string) =>
  s.split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean);
