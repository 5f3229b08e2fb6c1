import type {
  KustomizeOrigin,
  KustomizeResource,
  TrackedNode,
} from './kustomizeTypes';

/**
 * The objects of a build as one multi-document YAML text, and for each of its lines the file
 * and range the line's value came from (`undefined` for `---` separators).
 *
 * @public
 */
export interface RenderedKustomizeBuild {
  content: string;
  /** `lineOrigins[line - 1]`: where rendered line `line` came from. */
  lineOrigins: (KustomizeOrigin | undefined)[];
}

/**
 * Writes built objects as YAML, one line per scalar (strings that are not plain-safe are written
 * JSON-quoted, which YAML reads as double-quoted), so each line maps to one source node.
 *
 * @public
 */
export function renderKustomizeBuild(
  resources: readonly KustomizeResource[],
): RenderedKustomizeBuild {
  const lines: string[] = [];
  const lineOrigins: (KustomizeOrigin | undefined)[] = [];
  const emit = (text: string, origin: KustomizeOrigin | undefined) => {
    lines.push(text);
    lineOrigins.push(origin);
  };
  function emitEntries(
    node: TrackedNode & { type: 'map' },
    indent: string,
    firstPrefix?: string,
  ) {
    let first = true;
    for (const [key, value] of node.entries) {
      const lead = first && firstPrefix !== undefined ? firstPrefix : indent;
      first = false;
      const head = `${lead}${formatKey(key)}:`;
      if (value.type === 'scalar') {
        emit(`${head} ${formatScalar(value.value)}`, value.origin);
      } else if (value.type === 'map') {
        if (value.entries.size === 0) emit(`${head} {}`, value.origin);
        else {
          emit(head, value.origin);
          emitEntries(value, `${indent}  `);
        }
      } else if (value.items.length === 0) emit(`${head} []`, value.origin);
      else {
        emit(head, value.origin);
        emitItems(value, indent);
      }
    }
  }
  function emitItems(node: TrackedNode & { type: 'seq' }, indent: string) {
    for (const item of node.items) {
      if (item.type === 'scalar')
        emit(`${indent}- ${formatScalar(item.value)}`, item.origin);
      else if (item.type === 'map') {
        if (item.entries.size === 0) emit(`${indent}- {}`, item.origin);
        else emitEntries(item, `${indent}  `, `${indent}- `);
      } else if (item.items.length === 0) emit(`${indent}- []`, item.origin);
      else {
        emit(`${indent}-`, item.origin);
        emitItems(item, `${indent}  `);
      }
    }
  }
  resources.forEach((resource, index) => {
    if (index > 0) emit('---', undefined);
    emitEntries(resource.node, '');
  });
  return { content: `${lines.join('\n')}\n`, lineOrigins };
}

const PLAIN_SAFE = /^[A-Za-z_/][A-Za-z0-9_./@-]*(:[A-Za-z0-9_./@-]+)*$/;
const AMBIGUOUS =
  /^(true|false|yes|no|on|off|y|n|null|~|nan|inf|\.nan|\.inf|-?\.inf)$/i;

function formatKey(key: string): string {
  return PLAIN_SAFE.test(key) && !AMBIGUOUS.test(key)
    ? key
    : JSON.stringify(key);
}

function formatScalar(value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '.nan';
    if (!Number.isFinite(value)) return value > 0 ? '.inf' : '-.inf';
    return String(value);
  }
  return PLAIN_SAFE.test(value) && !AMBIGUOUS.test(value)
    ? value
    : JSON.stringify(value);
}
