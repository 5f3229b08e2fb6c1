/**
 * The parts of a container image reference, following the distribution reference grammar:
 * `[registry/]repository[:tag][@digest]`.
 *
 * @public
 */
export interface ParsedImageReference {
  /** Registry host, when the first path component looks like one (has `.` or `:`, or is `localhost`). */
  registry?: string;
  /** Repository path without the registry: `library/node` stays `library/node`, `node` stays `node`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * Splits an image reference into registry, repository, tag and digest. Never throws: odd input
 * gives odd parts, which rules then treat conservatively.
 *
 * @public
 */
export function parseImageReference(reference: string): ParsedImageReference {
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1) || undefined;
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1) || undefined;
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const slash = rest.indexOf('/');
  if (slash > 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      rest = rest.slice(slash + 1);
    }
  }
  return { registry, repository: rest, tag, digest };
}

/**
 * Matches an image reference against a simple pattern where `*` matches any run of characters
 * (`gcr.io/distroless/*:nonroot`).
 *
 * @public
 */
export function imageMatchesPattern(
  reference: string,
  pattern: string,
): boolean {
  const source = pattern
    .split('*')
    .map(part => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(reference);
}
