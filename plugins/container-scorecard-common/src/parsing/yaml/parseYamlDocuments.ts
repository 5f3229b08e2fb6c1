import {
  Composer,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  Parser,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import type { AnalysisError, SourceRange } from '../../model/types';
import type { LineIndex } from '../../text/LineIndex';

/** A path into a YAML document: map keys and sequence indices. */
export type YamlPath = readonly (string | number)[];

/**
 * Where a node of a YAML document is.
 *
 * @public
 */
export interface YamlLocation {
  /** The value node. */
  range: SourceRange;
  /** The key of the pair holding the value, when the last path step is a map key. */
  keyRange?: SourceRange;
  /** From the key (or the value when there is no key) to the end of the value. */
  pairRange: SourceRange;
}

/** Finds nodes of one document. */
export type YamlLocator = (path: YamlPath) => YamlLocation | undefined;

/**
 * One parsed YAML document: its plain value and a way to find where things are.
 *
 * @public
 */
export interface YamlDocumentModel {
  index: number;
  value: unknown;
  range: SourceRange;
  locate: YamlLocator;
}

export type YamlParseResult =
  | {
      ok: true;
      documents: YamlDocumentModel[];
      /** Documents after the first `maxDocuments`: counted, never composed nor read. */
      omittedDocuments: number;
    }
  | { ok: false; error: AnalysisError };

/** The caps of one parse. */
export interface YamlParseLimits {
  /** Aliases one document may expand (a "billion laughs" file is refused). */
  maxAliasCount: number;
  /** Documents read; the rest are only counted. */
  maxDocuments: number;
}

/**
 * Parses the documents of a YAML stream, keeping positions. Aliases are expanded with a cap,
 * so a "billion laughs" file is refused instead of exhausting memory. Only the first
 * `maxDocuments` documents are composed: the ones after are only counted by the lexer, so a
 * file of 100,000 documents costs a scan, not 100,000 document trees.
 */
export function parseYamlDocuments(
  content: string,
  lineIndex: LineIndex,
  limits: YamlParseLimits,
): YamlParseResult {
  const { maxAliasCount } = limits;
  const { documents, omittedDocuments } = composeDocuments(
    content,
    limits.maxDocuments,
  );
  const results: YamlDocumentModel[] = [];
  for (const [index, document] of documents.entries()) {
    const firstError = document.errors[0];
    if (firstError) {
      const position = lineIndex.positionAt(firstError.pos[0]);
      return {
        ok: false,
        error: {
          code: 'parse-error',
          message: isStackOverflow(firstError.message)
            ? tooDeep(index, position.line)
            : `YAML document ${index + 1} does not parse at line ${
                position.line
              }: ${firstError.message.split('\n')[0]}`,
        },
      };
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount });
    } catch (error) {
      const message = String((error as Error).message ?? error);
      const line = lineIndex.positionAt(
        (document.contents as Node | null)?.range?.[0] ?? 0,
      ).line;
      return {
        ok: false,
        error: isStackOverflow(message)
          ? { code: 'parse-error', message: tooDeep(index, line) }
          : {
              code: 'yaml-alias-limit',
              message: `YAML document ${
                index + 1
              } expands too many aliases (limit ${maxAliasCount}): ${message}`,
            },
      };
    }
    const contents = document.contents as Node | null;
    const range = contents?.range
      ? lineIndex.rangeOf(contents.range[0], contents.range[1])
      : lineIndex.rangeOf(0, 0);
    results.push({
      index,
      value,
      range,
      locate: createLocator(document, lineIndex),
    });
  }
  return { ok: true, documents: results, omittedDocuments };
}

/**
 * `parseAllDocuments` with a stop: the CST parser's tokens go to the composer until the
 * `maxDocuments`+1-th document starts, and parsing stops there. The composer hands out a document
 * when the next one starts (or at the end), hence `end()` for the last one.
 */
function composeDocuments(
  content: string,
  maxDocuments: number,
): { documents: Document[]; omittedDocuments: number } {
  const composer = new Composer({
    uniqueKeys: false,
    // Compose and Kubernetes tooling both honour YAML 1.1 merge keys (`<<: *base`).
    merge: true,
  });
  const documents: Document[] = [];
  let started = 0;
  let omittedDocuments = 0;
  for (const token of new Parser().parse(content)) {
    if (token.type === 'document' && ++started > maxDocuments) {
      const hasMarker = token.start.some(t => t.type === 'doc-start');
      omittedDocuments =
        countDocumentMarkers(content, token.offset) + (hasMarker ? 0 : 1);
      break;
    }
    for (const document of composer.next(token)) documents.push(document);
  }
  for (const document of composer.end()) documents.push(document);
  return { documents, omittedDocuments };
}

/**
 * Documents left out are counted by their `---` lines: the lexer would cost as much as the
 * documents themselves (a second per 10 MB). A `---` at the start of a line always starts a
 * document, even inside a block scalar; only a document begun after `...` without `---` is
 * missed, so the count is a lower bound.
 */
function countDocumentMarkers(content: string, from: number): number {
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  marker.lastIndex = from;
  let count = 0;
  while (marker.exec(content)) count++;
  return count;
}

/** JavaScript's own recursion limit, hit by documents nested thousands of levels deep. */
function isStackOverflow(message: string): boolean {
  return message.includes('Maximum call stack size exceeded');
}

function tooDeep(index: number, line: number): string {
  return `YAML document ${
    index + 1
  } (from line ${line}) nests too deeply to read: no container definition is nested like that`;
}

/** Maps with more entries than this get a key index on their first lookup. */
const INDEXED_MAP_SIZE = 16;

type YamlPair = YAMLMap<unknown, unknown>['items'][number];

function createLocator(document: Document, lineIndex: LineIndex): YamlLocator {
  const resolve = (node: unknown): unknown =>
    isAlias(node) ? node.resolve(document) : node;
  // Rules locate every service of a compose file: a linear search of a 10,000-service map for
  // each of them made a large file cost the square of its size.
  const keyIndexes = new WeakMap<YAMLMap, Map<string, YamlPair>>();
  const pairOf = (map: YAMLMap, step: string | number) => {
    if (map.items.length <= INDEXED_MAP_SIZE) {
      // Non-scalar keys (a map used as a key) never equal a path step.
      return map.items.find(
        item => isScalar(item.key) && String(item.key.value) === String(step),
      );
    }
    let index = keyIndexes.get(map);
    if (!index) {
      index = new Map();
      for (const item of map.items) {
        const key = isScalar(item.key) ? String(item.key.value) : undefined;
        // The first of duplicated keys wins, as with a search from the start.
        if (key !== undefined && !index.has(key)) index.set(key, item);
      }
      keyIndexes.set(map, index);
    }
    return index.get(String(step));
  };
  const rangeOfNode = (node: unknown): [number, number] | undefined => {
    const range = (node as Node | undefined)?.range;
    return range ? [range[0], range[1]] : undefined;
  };
  return path => {
    let node: unknown = document.contents;
    let keyNode: unknown;
    for (const step of path) {
      node = resolve(node);
      keyNode = undefined;
      if (isMap(node)) {
        const pair = pairOf(node, step);
        if (!pair) return undefined;
        keyNode = pair.key;
        node = pair.value;
      } else if (isSeq(node) && typeof step === 'number') {
        node = node.items[step];
      } else return undefined;
    }
    const valueRange = rangeOfNode(node) ?? rangeOfNode(keyNode);
    if (!valueRange) return undefined;
    const keyRange = rangeOfNode(keyNode);
    return {
      range: lineIndex.rangeOf(valueRange[0], valueRange[1]),
      keyRange: keyRange
        ? lineIndex.rangeOf(keyRange[0], keyRange[1])
        : undefined,
      pairRange: lineIndex.rangeOf(
        keyRange?.[0] ?? valueRange[0],
        valueRange[1],
      ),
    };
  };
}
