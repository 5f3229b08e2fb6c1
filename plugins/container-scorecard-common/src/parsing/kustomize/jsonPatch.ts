import {
  KustomizeBuildError,
  type TrackedMap,
  type TrackedNode,
} from './kustomizeTypes';
import { cloneTracked, stringAt, toPlain } from './trackedYaml';
import type { WorkBudget } from './workBudget';

/** One operation of a JSON patch (RFC 6902), its value still tracked to its patch line. */
interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: TrackedNode;
}

/** Reads the operations of a JSON 6902 patch document (a list of `{op, path, ...}`). */
export function readJsonPatch(node: TrackedNode, source: string): Operation[] {
  if (node.type !== 'seq')
    throw new KustomizeBuildError(
      `${source}: a JSON 6902 patch must be a list of operations.`,
    );
  return node.items.map((item, index) => {
    const op = stringAt(item, 'op');
    const path = stringAt(item, 'path');
    if (item.type !== 'map' || !op || path === undefined)
      throw new KustomizeBuildError(
        `${source}: operation ${
          index + 1
        } of the JSON 6902 patch needs "op" and "path".`,
      );
    return {
      op,
      path,
      from: stringAt(item, 'from'),
      value: item.entries.get('value'),
    };
  });
}

/**
 * Applies JSON 6902 operations to an object (in place), as kustomize does: a path that does not
 * exist where the operation needs it, or a failed `test`, ends the build with the reason.
 */
export function applyJsonPatch(
  object: TrackedMap,
  operations: readonly Operation[],
  source: string,
  budget: WorkBudget,
): void {
  for (const operation of operations) {
    budget.spend(1);
    const fail = (why: string): never => {
      throw new KustomizeBuildError(
        `${source}: JSON 6902 "${operation.op}" at "${operation.path}" failed: ${why}.`,
      );
    };
    const needValue = (): TrackedNode =>
      operation.value
        ? cloneTracked(operation.value, budget)
        : fail('the operation has no value');
    switch (operation.op) {
      case 'add':
        insert(object, pointer(operation.path, fail), needValue(), fail);
        break;
      case 'replace': {
        const steps = pointer(operation.path, fail);
        if (steps.length === 0) fail('the whole object cannot be replaced');
        remove(object, steps, fail);
        insert(object, steps, needValue(), fail);
        break;
      }
      case 'remove':
        remove(object, pointer(operation.path, fail), fail);
        break;
      case 'move':
      case 'copy': {
        if (operation.from === undefined) fail('the operation has no "from"');
        const fromSteps = pointer(operation.from!, fail);
        const found = lookup(object, fromSteps);
        if (!found) fail(`"${operation.from}" does not exist`);
        const value = cloneTracked(found!, budget);
        if (operation.op === 'move') remove(object, fromSteps, fail);
        insert(object, pointer(operation.path, fail), value, fail);
        break;
      }
      case 'test': {
        const found = lookup(object, pointer(operation.path, fail));
        const expected = operation.value ? toPlain(operation.value) : null;
        if (
          !found ||
          JSON.stringify(toPlain(found)) !== JSON.stringify(expected)
        )
          fail('the value differs');
        break;
      }
      default:
        fail(`unknown operation "${operation.op}"`);
    }
  }
}

function pointer(path: string, fail: (why: string) => never): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) fail('the path must start with "/"');
  return path
    .slice(1)
    .split('/')
    .map(step => step.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function lookup(
  node: TrackedNode,
  steps: readonly string[],
): TrackedNode | undefined {
  let current: TrackedNode | undefined = node;
  for (const step of steps) {
    if (current?.type === 'map') current = current.entries.get(step);
    else if (current?.type === 'seq') current = current.items[indexOf(step)];
    else return undefined;
  }
  return current;
}

function indexOf(step: string): number {
  return /^(0|[1-9][0-9]*)$/.test(step) ? Number(step) : NaN;
}

function insert(
  root: TrackedNode,
  steps: readonly string[],
  value: TrackedNode,
  fail: (why: string) => never,
) {
  if (steps.length === 0) fail('the whole object cannot be replaced');
  const parent = lookup(root, steps.slice(0, -1));
  const last = steps[steps.length - 1];
  if (parent?.type === 'map') parent.entries.set(last, value);
  else if (parent?.type === 'seq') {
    const index = last === '-' ? parent.items.length : indexOf(last);
    if (!(index >= 0 && index <= parent.items.length))
      fail(`index ${last} is out of range (${parent.items.length} elements)`);
    parent.items.splice(index, 0, value);
  } else fail('its parent does not exist');
}

function remove(
  root: TrackedNode,
  steps: readonly string[],
  fail: (why: string) => never,
) {
  if (steps.length === 0) fail('the whole object cannot be removed');
  const parent = lookup(root, steps.slice(0, -1));
  const last = steps[steps.length - 1];
  if (parent?.type === 'map' && parent.entries.has(last))
    parent.entries.delete(last);
  else if (parent?.type === 'seq' && indexOf(last) < parent.items.length)
    parent.items.splice(indexOf(last), 1);
  else fail('the path does not exist');
}
