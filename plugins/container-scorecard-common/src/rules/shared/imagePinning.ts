import type { RepositoryContext } from '../framework/ruleTypes';

/**
 * What the image-pinning rules (base-image-latest-tag, compose-image-not-pinned,
 * k8s-image-not-pinned) consider a moving reference, in one place so the three agree.
 */

/**
 * Tags that name a development line rather than a release: they are rebuilt from a branch or on
 * a schedule and move with every commit, so an image pulled twice is rarely the same build.
 * Release channels such as `stable`, `lts`, `mainline`, `rolling` or a bare variant (`alpine`,
 * `slim`) move too, but only from one published release to the next; they are left to the
 * digest option rather than reported as development builds.
 */
const DEVELOPMENT_TAGS = new Set([
  'master',
  'main',
  'develop',
  'development',
  'dev',
  'devel',
  'edge',
  'nightly',
  'canary',
  'snapshot',
  'unstable',
  'head',
  'trunk',
]);

/** `latest-alpine`, `alpine-latest`, `3-latest`: "latest" of some variant or line, still moving. */
const LATEST_VARIANT = /^latest[-_.]|[-_.]latest$/;

/** The option that reports development tags; on by default (see `movingTagKind`). */
export const MOVING_TAGS_OPTION = {
  flagMovingTags: {
    type: 'boolean',
    default: true,
    description:
      'Also report tags that follow a development line rather than a release (`master`, `main`, `dev`, `edge`, `nightly`, `canary`, `snapshot`, ...) and variants of latest (`latest-alpine`, `3-latest`): they move with every commit or build, like latest.',
  },
} as const;

/** The option that requires a digest on every image; off by default. */
export const REQUIRE_DIGEST_OPTION = {
  requireDigest: {
    type: 'boolean',
    default: false,
    description:
      'Also report images pinned by tag but not by digest (`@sha256:...`). A tag can be pushed again; only a digest names exact bytes. Off by default because most teams pin by tag and let tooling bump it; turn it on where a policy or admission controller requires digests.',
  },
} as const;

/**
 * How a tag moves, or undefined for a tag that names a release. Case-insensitive: registries
 * accept `Latest` and `NIGHTLY` as tags too.
 */
export function movingTagKind(
  tag: string,
): 'latest' | 'development' | 'latest-variant' | undefined {
  const lower = tag.toLowerCase();
  if (lower === 'latest') return 'latest';
  if (DEVELOPMENT_TAGS.has(lower)) return 'development';
  if (LATEST_VARIANT.test(lower)) return 'latest-variant';
  return undefined;
}

/**
 * True for a reference no registry could serve because its repository has upper-case letters
 * (`THE_IMAGE_NAME`, `IMAGE_PLACEHOLDER`): the distribution grammar allows only lower case there,
 * so it is a placeholder that deployment tooling (sed, envsubst, a CI step) replaces. Whether the
 * replacement is pinned is decided where it is made, not in this file.
 */
export function isImagePlaceholder(reference: { repository: string }): boolean {
  return /[A-Z]/.test(reference.repository);
}

/**
 * True for a reference a deploy tool builds and replaces with a pinned one at deploy time:
 *
 * - `ko://<import path>`: ko builds the Go package and writes the image's digest in its place;
 * - a bare name (no tag, no digest) that the repository's Skaffold configuration builds
 *   (`build.artifacts[].image`): Skaffold rewrites it to the built tag and digest. Only the exact
 *   name counts; `name:latest` or another image stays the manifest's own choice.
 */
export function isBuiltByDeployTool(
  image: string,
  reference: { tag?: string; digest?: string },
  repository: RepositoryContext | undefined,
): boolean {
  if (image.startsWith('ko://')) return true;
  if (reference.tag !== undefined || reference.digest !== undefined)
    return false;
  return repository?.deployToolImages.has(image) ?? false;
}

/** Why an image reference is not pinned, for the message of a finding. */
export type PinningProblem =
  | { kind: 'untagged' }
  | { kind: 'latest'; tag: string }
  | { kind: 'moving'; tag: string }
  | { kind: 'no-digest'; tag: string };

/** The options the pinning rules share. */
export interface PinningOptions {
  flagMovingTags: boolean;
  requireDigest?: boolean;
}

/**
 * Judges a parsed reference: a digest pins whatever the tag says; no tag means latest; `latest`
 * always moves; development tags move when `flagMovingTags` is on; any other tag is pinned
 * unless `requireDigest` is on.
 */
export function pinningProblem(
  reference: { tag?: string; digest?: string },
  options: PinningOptions,
): PinningProblem | undefined {
  if (reference.digest) return undefined;
  if (reference.tag === undefined) return { kind: 'untagged' };
  const moving = movingTagKind(reference.tag);
  if (moving === 'latest') return { kind: 'latest', tag: reference.tag };
  if (moving && options.flagMovingTags)
    return { kind: 'moving', tag: reference.tag };
  if (options.requireDigest) return { kind: 'no-digest', tag: reference.tag };
  return undefined;
}

/** The end of a finding's message: what is wrong with the reference and what to do. */
export function pinningAdvice(problem: PinningProblem): string {
  switch (problem.kind) {
    case 'untagged':
      return 'with no tag, which means "latest": pin a version.';
    case 'latest':
      return `on "${problem.tag}", which moves: pin a version.`;
    case 'moving':
      return `on "${problem.tag}", a tag that follows a development line and moves with every build: pin a release.`;
    default:
      return `by tag only ("${problem.tag}" can be pushed again): add its digest.`;
  }
}
