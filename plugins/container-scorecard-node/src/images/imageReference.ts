import { parseImageReference } from '@container-scorecard/plugin-container-scorecard-common';

/** An image reference resolved the way a container engine resolves it. */
export interface ResolvedImageReference {
  /** Registry host as references write it (`docker.io` for Docker Hub). */
  host: string;
  /** Repository path, `library/` prefixed for Docker Hub's official images. */
  repository: string;
  tag?: string;
  digest?: string;
}

const REPOSITORY =
  /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

/**
 * Resolves `node`, `bitnami/redis:7`, `localhost:5000/app@sha256:…` to registry, repository, tag
 * and digest: Docker Hub when no registry is named, `library/` for single-name repositories,
 * `latest` when neither tag nor digest is given. Returns a reason instead of throwing, because
 * references in definitions may hold unresolved variables (`${IMAGE}`).
 */
export function resolveImageReference(
  reference: string,
): ResolvedImageReference | { error: string } {
  if (/[${}\s]/.test(reference)) {
    return { error: `"${reference}" is not a literal image reference` };
  }
  const parsed = parseImageReference(reference);
  const host = parsed.registry ?? 'docker.io';
  const dockerHub = host === 'docker.io' || host === 'index.docker.io';
  const repository =
    dockerHub && !parsed.repository.includes('/')
      ? `library/${parsed.repository}`
      : parsed.repository;
  if (!REPOSITORY.test(repository)) {
    return { error: `"${reference}" has an invalid repository name` };
  }
  if (parsed.tag !== undefined && !TAG.test(parsed.tag)) {
    return { error: `"${reference}" has an invalid tag` };
  }
  if (parsed.digest !== undefined && !DIGEST.test(parsed.digest)) {
    return { error: `"${reference}" has an unsupported digest (sha256 only)` };
  }
  const tag = parsed.tag ?? (parsed.digest ? undefined : 'latest');
  return { host, repository, tag, digest: parsed.digest };
}
