import type { SourceRange } from '../../model/types';

/**
 * Where a part of a built document came from: a repository file and a range in it (for a map
 * entry, from its key to the end of its value).
 *
 * @public
 */
export interface KustomizeOrigin {
  path: string;
  range: SourceRange;
}

/** A scalar of a tracked YAML tree. */
export type KustomizeScalar = string | number | boolean | null;

/**
 * A YAML value that remembers, node by node, where it came from: a base's line, a patch's line,
 * or the kustomization entry whose transformer set it.
 */
export type TrackedNode =
  | { type: 'map'; entries: Map<string, TrackedNode>; origin?: KustomizeOrigin }
  | { type: 'seq'; items: TrackedNode[]; origin?: KustomizeOrigin }
  | { type: 'scalar'; value: KustomizeScalar; origin?: KustomizeOrigin };

/** A tracked map node. */
export type TrackedMap = Extract<TrackedNode, { type: 'map' }>;
/** A tracked sequence node. */
export type TrackedSeq = Extract<TrackedNode, { type: 'seq' }>;

/**
 * One Kubernetes object a kustomization builds.
 *
 * @public
 */
export interface KustomizeResource {
  /** The object, node by node with its origin. */
  node: TrackedMap;
  /** The file it was read from. */
  sourcePath: string;
  /** Every name it had before a prefix or suffix changed it (patches may target those). */
  previousNames: string[];
}

/**
 * Why a kustomization could not be built, in words a user can act on.
 *
 * @public
 */
export class KustomizeBuildError extends Error {
  constructor(message: string, readonly path?: string) {
    super(message);
    this.name = 'KustomizeBuildError';
  }
}

/**
 * The bounds of one build: every node read, copied, merged or compared costs one unit of work,
 * so a build of hostile input ends with a reason instead of running long.
 *
 * @public
 */
export interface KustomizeLimits {
  /** Units of work one build may spend. */
  maxWork: number;
  /** Kustomizations nested through `resources`/`bases` (overlay → base → base ...). */
  maxDepth: number;
  /** YAML nesting of one document. */
  maxNesting: number;
  /** Objects one build may produce. */
  maxResources: number;
  /** Patches, resources and images entries one kustomization may list. */
  maxEntries: number;
}

/** The default bounds of a build. @public */
export const DEFAULT_KUSTOMIZE_LIMITS: KustomizeLimits = {
  maxWork: 1_000_000,
  maxDepth: 20,
  maxNesting: 64,
  maxResources: 2000,
  maxEntries: 1000,
};
