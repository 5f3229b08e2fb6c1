/**
 * The top-level keys of the Compose specification. A document with any other top-level key
 * (`jobs`, `on`, `stages`, `apiVersion`, `openapi`, `replicaCount`...) is something else that
 * happens to have a `services` key: a GitHub Actions workflow, GitLab CI, a Helm values file.
 */
const COMPOSE_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([
  'version',
  'name',
  'services',
  'networks',
  'volumes',
  'configs',
  'secrets',
  'include',
  'models',
]);

function isComposeTopLevelKey(key: string): boolean {
  return COMPOSE_TOP_LEVEL_KEYS.has(key) || key.startsWith('x-');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A compose service needs an image or a build (directly or through `extends`); Compose refuses a
 * service with neither. A Helm values file's `image` is a mapping (`repository`, `tag`), not the
 * reference string Compose wants.
 */
function isComposeService(service: unknown): boolean {
  if (!isRecord(service)) return false;
  return (
    typeof service.image === 'string' ||
    typeof service.build === 'string' ||
    isRecord(service.build) ||
    typeof service.extends === 'string' ||
    isRecord(service.extends)
  );
}

/**
 * Whether a parsed YAML document is a compose file whatever the file is called (`stack.yml`,
 * `docker/app.yml`): a mapping whose keys are all Compose top-level keys (or `x-` extensions),
 * with a non-empty `services` mapping in which every service has an image, a build or `extends`.
 *
 * @public
 */
export function looksLikeComposeDocument(root: unknown): boolean {
  if (!isRecord(root) || !isRecord(root.services)) return false;
  if (!Object.keys(root).every(isComposeTopLevelKey)) return false;
  const services = Object.values(root.services);
  return services.length > 0 && services.every(isComposeService);
}

/** A top-level key line: at column 0, a plain or quoted key followed by `:`. */
const TOP_LEVEL_KEY = /^(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.-]+))\s*:(?:\s|$)/;

/**
 * The same judgement on the head of a file too large to parse (the head may end mid-document):
 * every top-level key line seen is a Compose key, one of them is a block `services:`, and an
 * indented `image:`, `build:` or `extends:` follows it. Used where only a head is read: a
 * candidate over the size limit, a file named on the command line under another name.
 *
 * @public
 */
export function looksLikeComposeHead(head: string): boolean {
  let services = false;
  let serviceShape = false;
  for (const rawLine of head.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (rawLine.trim() === '' || rawLine.startsWith('#')) continue;
    if (/^(---|\.\.\.)\s*$/.test(rawLine)) {
      // The end of the compose document: what follows is not ours to judge.
      if (services) break;
      continue;
    }
    if (/^\s/.test(rawLine)) {
      if (services && /^\s+(image|build|extends)\s*:/.test(rawLine))
        serviceShape = true;
      continue;
    }
    const key = TOP_LEVEL_KEY.exec(rawLine);
    if (!key) return false; // a top-level list item or scalar: not a mapping of Compose keys
    const name = key[1] ?? key[2] ?? key[3];
    if (!isComposeTopLevelKey(name)) return false;
    if (name === 'services') {
      // `services:` followed by an indented block; `services: []` or a scalar is no mapping.
      if (!/^[^:]*:\s*(#.*)?$/.test(rawLine)) return false;
      services = true;
    }
  }
  return services && serviceShape;
}
