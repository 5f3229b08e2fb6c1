// The state one Kustomize build carries through its kustomizations, and its file access.
import {
  KustomizeBuildError,
  type KustomizeLimits,
  type KustomizeResource,
  type TrackedMap,
  type TrackedNode,
} from './kustomizeTypes';
import type { WorkBudget } from './workBudget';

/** The repository files a build may read, by path (`undefined`: listed, but its content was not read). */
export type KustomizeFiles = ReadonlyMap<string, string | undefined>;

/** What one build (an overlay and every kustomization it reaches) shares. */
export interface BuildContext {
  files: KustomizeFiles;
  directories: ReadonlySet<string>;
  limits: KustomizeLimits;
  budget: WorkBudget;
  read: Set<string>;
  notes: string[];
  /** Built kustomizations by directory: a base shared by several paths is built once. */
  built: Map<string, KustomizeResource[]>;
}

/** A file's content, recorded as read by the build; a file the reader did not fetch fails it. */
export function readFile(context: BuildContext, path: string): string {
  const content = context.files.get(path);
  if (content === undefined)
    throw new KustomizeBuildError(
      `${path} was not read (too large, or past the reading limits), so the overlay cannot be built.`,
    );
  context.read.add(path);
  return content;
}

/** The strings of a list field, each with its node. */
export function listOf(
  context: BuildContext,
  kustomization: TrackedMap,
  field: string,
): TrackedNode[] {
  const value = kustomization.entries.get(field);
  if (value === undefined || (value.type === 'scalar' && value.value === null))
    return [];
  if (value.type !== 'seq')
    throw new KustomizeBuildError(
      `"${field}" of a kustomization must be a list.`,
    );
  if (value.items.length > context.limits.maxEntries)
    throw new KustomizeBuildError(
      `"${field}" lists ${value.items.length} entries, more than the ${context.limits.maxEntries} a kustomization may list here.`,
    );
  return value.items;
}
