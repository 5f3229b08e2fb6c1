import {
  KustomizeBuildError,
  type KustomizeResource,
  type TrackedNode,
} from './kustomizeTypes';
import { entryOf, stringAt } from './trackedYaml';

/** A patch's `target`: which objects it applies to. */
export interface TargetSelector {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

const SELECTOR_FIELDS = [
  'group',
  'version',
  'kind',
  'name',
  'namespace',
  'labelSelector',
  'annotationSelector',
] as const;

/** Reads a `target:` map. */
export function readTargetSelector(
  node: TrackedNode | undefined,
): TargetSelector | undefined {
  if (node?.type !== 'map') return undefined;
  const selector: TargetSelector = {};
  for (const field of SELECTOR_FIELDS) {
    const value = stringAt(node, field);
    if (value !== undefined) selector[field] = value;
  }
  return selector;
}

/** The group, version, kind, name and namespace of an object. */
export function identityOf(node: TrackedNode) {
  const apiVersion = stringAt(node, 'apiVersion') ?? '';
  const slash = apiVersion.indexOf('/');
  const metadata = entryOf(node, 'metadata');
  return {
    group: slash < 0 ? '' : apiVersion.slice(0, slash),
    version: slash < 0 ? apiVersion : apiVersion.slice(slash + 1),
    kind: stringAt(node, 'kind') ?? '',
    name: stringAt(metadata, 'name') ?? '',
    namespace: stringAt(metadata, 'namespace'),
  };
}

/**
 * Whether an object matches a selector. Kind, name and namespace are anchored regular
 * expressions in kustomize (RE2, linear time); here only literals, `.*` wildcards and `|`
 * alternatives are accepted, matched without backtracking, and anything else is refused with a
 * reason rather than run as a JavaScript regular expression on user input.
 */
export function matchesSelector(
  resource: KustomizeResource,
  selector: TargetSelector,
): boolean {
  const id = identityOf(resource.node);
  if (selector.group !== undefined && selector.group !== id.group) return false;
  if (selector.version !== undefined && selector.version !== id.version)
    return false;
  if (selector.kind !== undefined && !matchesPattern(selector.kind, id.kind))
    return false;
  if (
    selector.name !== undefined &&
    ![id.name, ...resource.previousNames].some(name =>
      matchesPattern(selector.name!, name),
    )
  )
    return false;
  if (
    selector.namespace !== undefined &&
    !matchesPattern(selector.namespace, id.namespace ?? '')
  )
    return false;
  const metadata = entryOf(resource.node, 'metadata');
  if (
    selector.labelSelector !== undefined &&
    !matchesLabels(selector.labelSelector, entryOf(metadata, 'labels'))
  )
    return false;
  if (
    selector.annotationSelector !== undefined &&
    !matchesLabels(
      selector.annotationSelector,
      entryOf(metadata, 'annotations'),
    )
  )
    return false;
  return true;
}

const UNSUPPORTED_PATTERN = /[[\](){}+?^$\\]/;

function matchesPattern(pattern: string, value: string): boolean {
  if (UNSUPPORTED_PATTERN.test(pattern.replace(/\.\*/g, '')))
    throw new KustomizeBuildError(
      `Kustomize target pattern "${pattern}" is not supported: only names, ".*" wildcards and "|" alternatives are.`,
    );
  return pattern
    .split('|')
    .some(alternative => matchesWildcards(alternative.split('.*'), value));
}

/** Literal parts separated by `.*`: the first anchors the start, the last the end. */
function matchesWildcards(parts: readonly string[], value: string): boolean {
  if (parts.length === 1) return parts[0] === value;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  if (first.length + last.length > value.length) return false;
  let position = first.length;
  const end = value.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const found = value.indexOf(part, position);
    if (found < 0 || found + part.length > end) return false;
    position = found + part.length;
  }
  return true;
}

/** A Kubernetes label selector: `a=b`, `a==b`, `a!=b`, `a`, `!a`, `a in (x,y)`, `a notin (x)`. */
function matchesLabels(selector: string, labels: TrackedNode | undefined) {
  const valueOf = (key: string) => stringAt(labels, key);
  for (const requirement of splitRequirements(selector)) {
    const text = requirement.trim();
    if (!text) continue;
    const set = /^([^\s!=]+)\s+(in|notin)\s+\((.*)\)$/.exec(text);
    if (set) {
      const values = set[3].split(',').map(v => v.trim());
      const actual = valueOf(set[1]);
      const inSet = actual !== undefined && values.includes(actual);
      if (set[2] === 'in' ? !inSet : inSet) return false;
      continue;
    }
    const equality = /^([^\s!=]+)\s*(==|=|!=)\s*(\S*)$/.exec(text);
    if (equality) {
      const equal = valueOf(equality[1]) === equality[3];
      if (equality[2] === '!=' ? equal : !equal) return false;
      continue;
    }
    if (text.startsWith('!')) {
      if (valueOf(text.slice(1).trim()) !== undefined) return false;
      continue;
    }
    if (valueOf(text) === undefined) return false;
  }
  return true;
}

function splitRequirements(selector: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === ',' && depth === 0) {
      parts.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(selector.slice(start));
  return parts;
}
