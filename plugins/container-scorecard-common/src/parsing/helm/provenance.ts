import type {
  RenderedLineOrigin,
  RenderedValueOrigin,
} from '../../engine/rendered/renderedSources';
import { LineIndex } from '../../text/LineIndex';
import type { OutputSegment, ValuePath } from './executeTemplate';

type KeyPath = (string | number)[];

/** `securityContext.privileged`, `env[0].value`. */
export function formatKeyPath(keyPath: KeyPath): string {
  let text = '';
  for (const step of keyPath) {
    if (typeof step === 'number') text += `[${step}]`;
    else text += text ? `.${step}` : step;
  }
  return text;
}

/**
 * The key path of each line of YAML written by `toYaml` (relative to the value written): a
 * small indentation reader, enough for the block YAML `toYaml` writes.
 */
export function keyPathsOfYamlLines(lines: string[]): (KeyPath | undefined)[] {
  type Entry = {
    indent: number;
    step: string | number;
    kind: 'key' | 'item';
    open: boolean;
    nextIndex: number;
  };
  const stack: Entry[] = [];
  let rootIndex = 0;
  return lines.map(line => {
    const trimmed = line.trimStart();
    if (!trimmed || trimmed.startsWith('#')) return undefined;
    let indent = line.length - trimmed.length;
    let body = trimmed;
    const isItem = body === '-' || body.startsWith('- ');
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const keep =
        top.indent < indent ||
        (top.indent === indent && isItem && top.kind === 'key' && top.open);
      if (keep) break;
      stack.pop();
    }
    if (isItem) {
      const parent = stack[stack.length - 1];
      const index = parent ? parent.nextIndex++ : rootIndex++;
      stack.push({
        indent,
        step: index,
        kind: 'item',
        open: false,
        nextIndex: 0,
      });
      body = body.slice(2).trimStart();
      indent = line.length - body.length;
    }
    const key =
      /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'#][^:#]*?):(?:\s|$)/.exec(body);
    if (key) {
      const raw = key[1];
      const step = unquoteKey(raw);
      const rest = body.slice(key[0].length).trim();
      stack.push({
        indent,
        step,
        kind: 'key',
        open: rest === '' || rest.startsWith('#'),
        nextIndex: 0,
      });
    }
    return stack.map(entry => entry.step);
  });
}

/** A YAML key as written by `toYaml`: plain, `'single'` or `"double"` quoted. */
function unquoteKey(raw: string): string {
  if (raw.startsWith('"')) return JSON.parse(raw);
  if (raw.startsWith("'")) return raw.slice(1, -1).replace(/''/g, "'");
  return raw;
}

/** Resolves a `.Values` key path to the values file and line that set it. */
export type ValueResolver = (
  keyPath: KeyPath,
) => RenderedValueOrigin | undefined;

/**
 * Joins the segments of one rendered template into its text and the origin of each line: the
 * source line of the line's first non-blank character and, when any text on the line came from
 * `.Values`, the values file and key it came from.
 */
export function assembleOutput(
  segments: OutputSegment[],
  sources: ReadonlyMap<string, string>,
  resolveValue: ValueResolver,
): { content: string; lineOrigins: (RenderedLineOrigin | undefined)[] } {
  const indexes = new Map<string, LineIndex>();
  const lineOf = (path: string, offset: number) => {
    let index = indexes.get(path);
    if (!index) {
      index = new LineIndex(sources.get(path) ?? '');
      indexes.set(path, index);
    }
    return index.positionAt(offset).line;
  };
  const lineOrigins: (RenderedLineOrigin | undefined)[] = [];
  let current: RenderedLineOrigin | undefined;
  let currentValue: ValuePath | undefined;
  let currentPath: KeyPath | undefined;
  /** Per line, the `.Values` path of the map or list `toYaml` wrote there. */
  const lineBases: (KeyPath | undefined)[] = [];
  const finishLine = () => {
    if (current && currentValue && currentPath) {
      const value = resolveValue(currentPath);
      if (value) current = { ...current, value };
    }
    lineOrigins.push(current);
    lineBases.push(currentValue?.structured ? currentValue.keyPath : undefined);
    current = undefined;
    currentValue = undefined;
    currentPath = undefined;
  };
  let content = '';
  for (const segment of segments) {
    content += segment.text;
    const parts = segment.text.split('\n');
    const relativeKeys = segment.value?.structured
      ? keyPathsOfYamlLines(parts)
      : undefined;
    let partStart = 0;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      if (k > 0) finishLine();
      const firstNonBlank = part.search(/\S/);
      if (firstNonBlank >= 0) {
        if (!current) {
          current = {
            path: segment.path,
            line: lineOf(
              segment.path,
              segment.fromAction
                ? segment.offset
                : segment.offset + partStart + firstNonBlank,
            ),
          };
        }
        if (segment.value && !currentValue) {
          const relative = segment.value.structured
            ? relativeKeys?.[k] ?? []
            : [];
          currentValue = segment.value;
          currentPath = [...segment.value.keyPath, ...relative];
        }
      }
      partStart += part.length + 1;
    }
  }
  finishLine();
  attributeBlockKeys(content.split('\n'), lineOrigins, lineBases, resolveValue);
  return { content, lineOrigins };
}

/**
 * A key the template writes whose block is values (`resources:` then
 * `{{- toYaml .Values.resources | nindent 12 }}`) is attributed to that values key: a finding
 * on the block (no memory limit) points at `resources` in the values file, where it is fixed.
 */
function attributeBlockKeys(
  lines: string[],
  lineOrigins: (RenderedLineOrigin | undefined)[],
  lineBases: (KeyPath | undefined)[],
  resolveValue: ValueResolver,
) {
  const indentOf = (line: string) => line.length - line.trimStart().length;
  for (let i = 0; i < lines.length; i++) {
    const origin = lineOrigins[i];
    if (!origin || origin.value || !/^\s*[^\s#][^#]*:\s*$/.test(lines[i]))
      continue;
    let next = i + 1;
    while (next < lines.length && !lines[next].trim()) next++;
    const base = lineBases[next];
    if (
      !base ||
      base.length === 0 ||
      indentOf(lines[next]) <= indentOf(lines[i])
    )
      continue;
    const value = resolveValue(base);
    if (value) lineOrigins[i] = { ...origin, value };
  }
}
