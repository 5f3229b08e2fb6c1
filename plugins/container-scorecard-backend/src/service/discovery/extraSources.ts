import { posix } from 'node:path';

/** Names further places an entity's deployment definitions live (a GitOps repository's folder). */
export const ANNOTATION_SCORECARD_EXTRA_SOURCES =
  'container-scorecard.io/extra-sources';

/** At most this many extra sources per entity: each is a tree read of its own. */
export const MAX_EXTRA_SOURCES = 5;

/**
 * A further place an entity's container definitions are read from. Its files are rolled up into
 * the entity's one scorecard under `@<label>/<path in that source>`, so each file shows where it
 * came from.
 */
export interface ExtraSource {
  label: string;
  type: 'url' | 'file';
  /** A URL, or an absolute directory. */
  target: string;
}

const LABEL = /^[a-z0-9][a-z0-9._-]{0,39}$/i;

/**
 * Reads `container-scorecard.io/extra-sources`: locations separated by commas or newlines, each
 * `url:<URL>`, `file:<absolute path>`, a bare `https://` URL, or a path relative to the entity's
 * own source (`../gitops/apps/api`, resolved like a catalog location's relative target), with an
 * optional `label=` in front. Returns the reason as a string when the annotation is unusable.
 */
export function resolveExtraSources(
  value: unknown,
  primary: { type: 'url' | 'file'; target: string },
): ExtraSource[] | string {
  if (value === undefined) return [];
  if (typeof value !== 'string' || value.length > 4096)
    return `${ANNOTATION_SCORECARD_EXTRA_SOURCES} must be a short list of locations`;
  const entries = value
    .split(/[,\n]/)
    .map(entry => entry.trim())
    .filter(Boolean);
  if (entries.length > MAX_EXTRA_SOURCES)
    return `${ANNOTATION_SCORECARD_EXTRA_SOURCES} lists ${entries.length} locations, more than the ${MAX_EXTRA_SOURCES} allowed`;
  const sources: ExtraSource[] = [];
  for (const entry of entries) {
    const labelled = /^([^=:/]+)=(.+)$/.exec(entry);
    const location = (labelled ? labelled[2] : entry).trim();
    const resolved = resolveLocation(location, primary);
    if (typeof resolved === 'string')
      return `${ANNOTATION_SCORECARD_EXTRA_SOURCES}: "${location}" ${resolved}`;
    const label = labelled ? labelled[1].trim() : defaultLabel(resolved.target);
    if (!LABEL.test(label))
      return `${ANNOTATION_SCORECARD_EXTRA_SOURCES}: the label "${label}" must be letters, digits, ".", "_" or "-" (40 at most)`;
    if (sources.some(s => s.label === label))
      return `${ANNOTATION_SCORECARD_EXTRA_SOURCES}: two locations are labelled "${label}"; give them labels of their own (label=location)`;
    sources.push({ label, ...resolved });
  }
  return sources;
}

function resolveLocation(
  location: string,
  primary: { type: 'url' | 'file'; target: string },
): { type: 'url' | 'file'; target: string } | string {
  const explicit = /^(url|file):(.+)$/.exec(location);
  if (explicit?.[1] === 'file') {
    if (!explicit[2].startsWith('/'))
      return 'is a relative file path; use an absolute one, or a path relative to the source without file:';
    return { type: 'file', target: posix.normalize(explicit[2]) };
  }
  const url = explicit?.[1] === 'url' ? explicit[2] : location;
  if (/^https?:\/\//.test(url)) {
    try {
      return { type: 'url', target: new URL(url).toString() };
    } catch {
      return 'is not a valid URL';
    }
  }
  if (explicit || /^[a-z][a-z0-9+.-]*:/i.test(location))
    return 'is neither a url:, a file: nor a relative location';
  // Relative to the entity's own source, as a catalog location's relative target.
  if (primary.type === 'file')
    return {
      type: 'file',
      target: posix.resolve(primary.target, location),
    };
  try {
    const base = primary.target.endsWith('/')
      ? primary.target
      : `${primary.target}/`;
    return { type: 'url', target: new URL(location, base).toString() };
  } catch {
    return 'cannot be resolved against the entity source';
  }
}

function defaultLabel(target: string): string {
  const segments = target
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean);
  const last = segments[segments.length - 1] ?? 'source';
  return last.replace(/[^a-z0-9._-]/gi, '-').slice(0, 40) || 'source';
}
