import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  isNode,
  parseAllDocuments,
  visit,
  type Document,
  type Node,
} from 'yaml';
import { LineIndex } from '../../text/LineIndex';
import {
  KustomizeBuildError,
  type KustomizeOrigin,
  type KustomizeScalar,
  type TrackedMap,
  type TrackedNode,
} from './kustomizeTypes';
import type { WorkBudget } from './workBudget';

/** A parsed document of a repository file, as tracked nodes (`undefined` when empty). */
export interface TrackedDocument {
  node: TrackedNode | undefined;
}

/**
 * Parses every document of a YAML file into tracked nodes: each node keeps the file and range
 * it came from. Aliases are expanded node by node against the work budget, so a "billion laughs"
 * file ends the build with a reason instead of exhausting memory.
 */
export function parseTrackedYaml(
  path: string,
  content: string,
  budget: WorkBudget,
  maxNesting: number,
): TrackedDocument[] {
  budget.spend(Math.ceil(content.length / 64) + 1);
  const lineIndex = new LineIndex(content);
  const documents = parseAllDocuments(content, {
    uniqueKeys: false,
    merge: true,
  });
  const list = Array.isArray(documents) ? documents : [documents];
  return list.map((document, index) => {
    const error = document.errors[0];
    if (error) {
      const line = lineIndex.positionAt(error.pos[0]).line;
      throw new KustomizeBuildError(
        `${path}: YAML document ${index + 1} does not parse at line ${line}: ${
          error.message.split('\n')[0]
        }`,
        path,
      );
    }
    const converter = createConverter(
      path,
      document,
      lineIndex,
      budget,
      maxNesting,
    );
    const contents = document.contents as Node | null;
    return {
      node: contents === null ? undefined : converter(contents, undefined, 0),
    };
  });
}

function createConverter(
  path: string,
  document: Document,
  lineIndex: LineIndex,
  budget: WorkBudget,
  maxNesting: number,
) {
  // By offsets: nodes reached again through aliases share their origin object.
  const origins = new Map<string, KustomizeOrigin>();
  const originOf = (
    start: number | undefined,
    end: number | undefined,
  ): KustomizeOrigin | undefined => {
    if (start === undefined || end === undefined) return undefined;
    const key = `${start}:${end}`;
    let origin = origins.get(key);
    if (!origin) {
      origin = { path, range: lineIndex.rangeOf(start, end) };
      origins.set(key, origin);
    }
    return origin;
  };

  // yaml's own Alias.resolve searches the whole document per alias: an index found once keeps
  // a file full of aliases linear.
  const anchors = new Map<string, Node[]>();
  visit(document, {
    Node(_key, node) {
      if (isNode(node) && !isAlias(node) && node.anchor) {
        const list = anchors.get(node.anchor) ?? [];
        list.push(node);
        anchors.set(node.anchor, list);
      }
    },
  });
  const resolveAlias = (alias: Node & { source: string }): unknown => {
    const start = alias.range?.[0] ?? Infinity;
    let found: Node | undefined;
    // The latest definition before the alias (anchors may be redefined).
    for (const node of anchors.get(alias.source) ?? [])
      if ((node.range?.[0] ?? 0) < start) found = node;
    return found;
  };

  const convert = (
    raw: unknown,
    origin: KustomizeOrigin | undefined,
    depth: number,
  ): TrackedNode => {
    budget.spend(1);
    if (depth > maxNesting) {
      throw new KustomizeBuildError(
        `${path}: YAML nests deeper than ${maxNesting} levels; no Kubernetes object is nested like that.`,
        path,
      );
    }
    const node = isAlias(raw) ? resolveAlias(raw) : raw;
    const own = (node as Node | undefined)?.range;
    const at = origin ?? originOf(own?.[0], own?.[1]);
    if (isMap(node)) {
      const entries = new Map<string, TrackedNode>();
      for (const pair of node.items) {
        const keyNode = pair.key as Node | null;
        if (isScalar(keyNode) && keyNode.value === '<<') {
          mergeKeys(entries, convert(pair.value, undefined, depth + 1));
          continue;
        }
        const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
        if (key === undefined) continue;
        const valueRange = (pair.value as Node | null)?.range;
        const pairOrigin = originOf(
          keyNode?.range?.[0],
          valueRange?.[1] ?? keyNode?.range?.[1],
        );
        entries.set(
          key,
          pair.value === null
            ? { type: 'scalar', value: null, origin: pairOrigin }
            : convert(pair.value, pairOrigin, depth + 1),
        );
      }
      return { type: 'map', entries, origin: at };
    }
    if (isSeq(node)) {
      return {
        type: 'seq',
        items: node.items.map(item => convert(item, undefined, depth + 1)),
        origin: at,
      };
    }
    if (isScalar(node)) {
      return { type: 'scalar', value: toScalar(node.value), origin: at };
    }
    return { type: 'scalar', value: null, origin: at };
  };
  return convert;
}

/** YAML 1.1 merge keys: the merged map's entries, unless the map sets them itself. */
function mergeKeys(entries: Map<string, TrackedNode>, merged: TrackedNode) {
  const sources = merged.type === 'seq' ? merged.items : [merged];
  for (const source of sources) {
    if (source.type !== 'map') continue;
    for (const [key, value] of source.entries) {
      if (!entries.has(key)) entries.set(key, value);
    }
  }
}

function toScalar(value: unknown): KustomizeScalar {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return value;
  if (value === undefined) return null;
  return String(value);
}

/** A copy of a tracked tree (transformers change resources in place). */
export function cloneTracked(
  node: TrackedNode,
  budget: WorkBudget,
): TrackedNode {
  budget.spend(1);
  if (node.type === 'map') {
    const entries = new Map<string, TrackedNode>();
    for (const [key, value] of node.entries)
      entries.set(key, cloneTracked(value, budget));
    return { type: 'map', entries, origin: node.origin };
  }
  if (node.type === 'seq')
    return {
      type: 'seq',
      items: node.items.map(item => cloneTracked(item, budget)),
      origin: node.origin,
    };
  return { ...node };
}

/** The plain JavaScript value of a tracked tree. */
export function toPlain(node: TrackedNode | undefined): unknown {
  if (!node) return undefined;
  if (node.type === 'scalar') return node.value;
  if (node.type === 'seq') return node.items.map(toPlain);
  const result: Record<string, unknown> = {};
  for (const [key, value] of node.entries) {
    Object.defineProperty(result, key, {
      value: toPlain(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return result;
}

/** A tracked tree made from a plain value, every node with the same origin. */
export function fromPlain(
  value: unknown,
  origin: KustomizeOrigin | undefined,
  budget: WorkBudget,
  depth = 0,
): TrackedNode {
  budget.spend(1);
  if (depth > 64)
    throw new KustomizeBuildError('A value nests deeper than 64 levels.');
  if (Array.isArray(value))
    return {
      type: 'seq',
      items: value.map(item => fromPlain(item, origin, budget, depth + 1)),
      origin,
    };
  if (typeof value === 'object' && value !== null) {
    const entries = new Map<string, TrackedNode>();
    for (const [key, item] of Object.entries(value))
      entries.set(key, fromPlain(item, origin, budget, depth + 1));
    return { type: 'map', entries, origin };
  }
  return { type: 'scalar', value: toScalar(value), origin };
}

/** The entry `key` of a map node, if the node is a map. */
export function entryOf(
  node: TrackedNode | undefined,
  key: string,
): TrackedNode | undefined {
  return node?.type === 'map' ? node.entries.get(key) : undefined;
}

/** The string at `key` of a map node. */
export function stringAt(
  node: TrackedNode | undefined,
  key: string,
): string | undefined {
  const entry = entryOf(node, key);
  return entry?.type === 'scalar' && entry.value !== null
    ? String(entry.value)
    : undefined;
}

/** The map at `path`, created (with `origin`) where missing or not a map. */
export function ensureMap(
  node: TrackedMap,
  path: readonly string[],
  origin: KustomizeOrigin | undefined,
): TrackedMap {
  let current = node;
  for (const step of path) {
    let next = current.entries.get(step);
    if (next?.type !== 'map') {
      next = { type: 'map', entries: new Map(), origin };
      current.entries.set(step, next);
    }
    current = next;
  }
  return current;
}
