import { formatNumber, isGoMap, sortedKeys } from './goValues';

/**
 * YAML as Helm's `toYaml` writes it (sigs.k8s.io/yaml over go-yaml v2): keys sorted, sequences
 * under a key not indented, strings quoted only when they would read as something else, no
 * trailing newline. Long plain strings are not folded at 80 columns as go-yaml does: the parsed
 * value is the same, only line numbers inside such a string differ.
 */
export function toGoYaml(value: unknown): string {
  const lines: string[] = [];
  if (isGoMap(value) && Object.keys(value).length > 0)
    writeMap(value, 0, lines);
  else if (Array.isArray(value) && value.length > 0) writeList(value, 0, lines);
  else lines.push(scalar(value, 0));
  return lines.join('\n');
}

function writeMap(
  map: Record<string, unknown>,
  indent: number,
  lines: string[],
) {
  const pad = ' '.repeat(indent);
  for (const key of sortedKeys(map)) {
    const item = map[key];
    const head = `${pad}${formatString(key)}:`;
    if (isGoMap(item) && Object.keys(item).length > 0) {
      lines.push(head);
      writeMap(item, indent + 2, lines);
    } else if (Array.isArray(item) && item.length > 0) {
      lines.push(head);
      writeList(item, indent, lines);
    } else lines.push(`${head} ${scalar(item, indent)}`);
  }
}

function writeList(list: unknown[], indent: number, lines: string[]) {
  const pad = ' '.repeat(indent);
  for (const item of list) {
    if (isGoMap(item) && Object.keys(item).length > 0) {
      const nested: string[] = [];
      writeMap(item, indent + 2, nested);
      nested[0] = `${pad}- ${nested[0].slice(indent + 2)}`;
      lines.push(...nested);
    } else if (Array.isArray(item) && item.length > 0) {
      const nested: string[] = [];
      writeList(item, indent + 2, nested);
      nested[0] = `${pad}- ${nested[0].slice(indent + 2)}`;
      lines.push(...nested);
    } else lines.push(`${pad}- ${scalar(item, indent)}`);
  }
}

function scalar(value: unknown, indent: number): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return formatNumber(value);
  if (isGoMap(value)) return '{}';
  if (Array.isArray(value)) return '[]';
  const text = String(value);
  if (text.includes('\n'))
    return /[ \t]\n|\t|^\n/.test(text)
      ? doubleQuoted(text)
      : literalBlock(text, indent);
  return formatString(text);
}

/** A multi-line string as a literal block (`|` keeps one final newline, `|-` none). */
function literalBlock(text: string, indent: number): string {
  const pad = ' '.repeat(indent + 2);
  let chomp = '-';
  if (text.endsWith('\n\n')) chomp = '+';
  else if (text.endsWith('\n')) chomp = '';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const indicator = body.startsWith(' ') ? '2' : '';
  return `|${indicator}${chomp}\n${body
    .split('\n')
    .map(line => (line ? pad + line : ''))
    .join('\n')}`;
}

const RESERVED =
  /^(~|null|Null|NULL|y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|\.inf|\.Inf|\.INF|[-+]\.inf|[-+]\.Inf|[-+]\.INF|\.nan|\.NaN|\.NAN)$/;
const NUMBER_LIKE =
  /^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?|\.[0-9_]+([eE][-+]?[0-9]+)?|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$/;

/** A string as go-yaml v2 writes it: plain, single-quoted or double-quoted. */
export function formatString(text: string): string {
  if (text === '' || RESERVED.test(text) || NUMBER_LIKE.test(text))
    return doubleQuoted(text);
  if (hasNonPrintable(text)) return doubleQuoted(text);
  if (text.includes('\n')) return doubleQuoted(text);
  if (!plainAllowed(text)) return `'${text.replace(/'/g, "''")}'`;
  return text;
}

/** Control characters and the line and byte-order marks YAML cannot write plain. */
function hasNonPrintable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (
      (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) ||
      code === 0x7f ||
      code === 0x85 ||
      code === 0x2028 ||
      code === 0x2029 ||
      code === 0xfeff
    )
      return true;
  }
  return false;
}

function plainAllowed(text: string): boolean {
  if (/^\s|\s$/.test(text)) return false;
  const first = text[0];
  if ('[]{},#&*!|>\'"%@`'.includes(first)) return false;
  if ('-?:'.includes(first) && (text.length === 1 || /\s/.test(text[1])))
    return false;
  if (text.startsWith('---') || text.startsWith('...')) return false;
  if (/: |:$| #/.test(text)) return false;
  if (/[\t]/.test(text)) return false;
  return true;
}

function doubleQuoted(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code < 0x20 || code === 0x7f)
      out += `\\x${code.toString(16).toUpperCase().padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}
