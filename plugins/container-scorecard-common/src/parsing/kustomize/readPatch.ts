import type { BuildContext } from './buildContext';
import { readFile } from './buildContext';
import {
  KustomizeBuildError,
  type KustomizeOrigin,
  type TrackedNode,
} from './kustomizeTypes';
import { isRemoteReference, resolveInRepository } from './repositoryPaths';
import { parseTrackedYaml, stringAt } from './trackedYaml';

/** A patch as read: its documents, and where it came from. */
export interface PatchSource {
  documents: TrackedNode[];
  /** File or kustomization entry, for messages. */
  source: string;
}

/** The documents of a patch entry: a file of the repository, or an inline patch. */
export function readPatch(
  context: BuildContext,
  directory: string,
  kustomizationPath: string,
  entry: TrackedNode,
  field: string,
): PatchSource {
  const inline = entry.type === 'map' ? entry.entries.get('patch') : undefined;
  const reference =
    entry.type === 'scalar'
      ? String(entry.value ?? '')
      : stringAt(entry, 'path');
  if (inline?.type === 'scalar' && typeof inline.value === 'string')
    return readInlinePatch(context, kustomizationPath, inline, inline.value);
  if (entry.type === 'scalar' && reference && /\n/.test(reference))
    return readInlinePatch(context, kustomizationPath, entry, reference);
  if (!reference)
    throw new KustomizeBuildError(
      `A "${field}" entry of ${kustomizationPath} has neither a path nor a patch.`,
    );
  if (isRemoteReference(reference))
    throw new KustomizeBuildError(
      `Kustomize patch ${reference} is remote and was not read.`,
    );
  const path = resolveInRepository(directory, reference);
  if (path === undefined)
    throw new KustomizeBuildError(
      `Kustomize patch ${reference} of ${kustomizationPath} is outside the repository and was not read.`,
    );
  if (!context.files.has(path))
    throw new KustomizeBuildError(
      `Kustomize patch ${reference} of ${kustomizationPath} does not exist (${path} is not in the repository).`,
    );
  const documents = parseTrackedYaml(
    path,
    readFile(context, path),
    context.budget,
    context.limits.maxNesting,
  ).flatMap(d => (d.node ? [d.node] : []));
  return { documents, source: path };
}

/**
 * An inline patch (`patch: |-` in the kustomization): parsed on its own, its lines then shifted
 * to where they sit in the kustomization file, so findings point at that file's lines.
 */
function readInlinePatch(
  context: BuildContext,
  kustomizationPath: string,
  holder: TrackedNode,
  text: string,
): PatchSource {
  const documents = parseTrackedYaml(
    kustomizationPath,
    text,
    context.budget,
    context.limits.maxNesting,
  ).flatMap(d => (d.node ? [d.node] : []));
  const origin = holder.origin;
  if (origin) {
    const content = context.files.get(kustomizationPath) ?? '';
    const lines = content.split('\n');
    const keyLine = lines[origin.range.start.line - 1] ?? '';
    const isBlock = /:\s*[|>][-+0-9]*\s*(#.*)?$/.test(keyLine);
    const firstContentLine = lines[origin.range.start.line] ?? '';
    const indent = isBlock ? /^\s*/.exec(firstContentLine)?.[0].length ?? 0 : 0;
    for (const document of documents)
      shiftOrigins(
        document,
        isBlock ? origin.range.start.line : 0,
        indent,
        origin,
      );
  }
  return { documents, source: `an inline patch of ${kustomizationPath}` };
}

function shiftOrigins(
  node: TrackedNode,
  lineDelta: number,
  columnDelta: number,
  fallback: KustomizeOrigin,
) {
  const stack = [node];
  while (stack.length) {
    const current = stack.pop()!;
    if (current.origin) {
      current.origin =
        lineDelta === 0
          ? fallback
          : {
              path: current.origin.path,
              range: {
                start: {
                  line: current.origin.range.start.line + lineDelta,
                  column: current.origin.range.start.column + columnDelta,
                },
                end: {
                  line: current.origin.range.end.line + lineDelta,
                  column: current.origin.range.end.column + columnDelta,
                },
              },
            };
    }
    if (current.type === 'map') stack.push(...current.entries.values());
    if (current.type === 'seq') stack.push(...current.items);
  }
}
