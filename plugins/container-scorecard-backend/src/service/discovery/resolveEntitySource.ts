import {
  ANNOTATION_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  Entity,
} from '@backstage/catalog-model';
import { checkPathGlob, PATH_GLOB_LIMITS } from '../pathGlobs/pathGlobLimits';
import {
  ANNOTATION_SCORECARD_EXTRA_SOURCES,
  resolveExtraSources,
  type ExtraSource,
} from './extraSources';

/** Our own annotations, which override what the catalog says. */
export const ANNOTATION_SCORECARD_SOURCE = 'container-scorecard.io/source';
export const ANNOTATION_SCORECARD_PATHS = 'container-scorecard.io/paths';
export const ANNOTATION_SCORECARD_SKIP = 'container-scorecard.io/skip';

/** Where an entity's container definitions are read from. */
export type EntitySource =
  | {
      type: 'url' | 'file';
      /** A URL for `url`, an absolute directory for `file`. */
      target: string;
      /** Globs (relative to the target) that limit which files are read. */
      paths?: string[];
      /** Further places read into the same scorecard (`container-scorecard.io/extra-sources`). */
      extraSources?: ExtraSource[];
    }
  | { type: 'skip'; reason: string }
  | { type: 'invalid'; reason: string };

const MAX_ANNOTATION_LENGTH = 2048;

/** Builds the key that says "this result was read from the same place with the same globs". */
export function sourceKeyOf(source: EntitySource): string {
  if (source.type !== 'url' && source.type !== 'file') return source.type;
  const extra = (source.extraSources ?? [])
    .map(e => `|${e.label}=${e.type}:${e.target}`)
    .join('');
  return `${source.type}:${source.target}|${(source.paths ?? []).join(
    ',',
  )}${extra}`;
}

/**
 * Finds where to read an entity's container definitions:
 * `container-scorecard.io/source`, then `backstage.io/source-location`, then the directory of
 * `backstage.io/managed-by-location` (entities registered from a file or a repository). Never
 * throws: odd annotations come back as `invalid` with a reason a person can act on.
 */
export function resolveEntitySource(entity: Entity): EntitySource {
  const source = resolvePrimarySource(entity);
  if (source.type !== 'url' && source.type !== 'file') return source;
  const extraSources = resolveExtraSources(
    entity.metadata.annotations?.[ANNOTATION_SCORECARD_EXTRA_SOURCES],
    source,
  );
  if (typeof extraSources === 'string')
    return { type: 'invalid', reason: extraSources };
  return extraSources.length ? { ...source, extraSources } : source;
}

function resolvePrimarySource(entity: Entity): EntitySource {
  const annotations = entity.metadata.annotations ?? {};
  if (String(annotations[ANNOTATION_SCORECARD_SKIP]).trim() === 'true') {
    return {
      type: 'skip',
      reason: `opted out with ${ANNOTATION_SCORECARD_SKIP}`,
    };
  }

  const paths = parsePaths(annotations[ANNOTATION_SCORECARD_PATHS]);
  if (typeof paths === 'string') return { type: 'invalid', reason: paths };

  const explicit = annotations[ANNOTATION_SCORECARD_SOURCE];
  const sourceLocation = annotations[ANNOTATION_SOURCE_LOCATION];
  const managedBy = annotations[ANNOTATION_LOCATION];
  // The first annotation present wins, most specific first.
  const [annotation, value] = [
    [ANNOTATION_SCORECARD_SOURCE, explicit],
    [ANNOTATION_SOURCE_LOCATION, sourceLocation],
    [ANNOTATION_LOCATION, managedBy],
  ].find(([, v]) => v) ?? [ANNOTATION_LOCATION, undefined];
  if (!value) {
    return {
      type: 'invalid',
      reason: `no ${ANNOTATION_SOURCE_LOCATION} or ${ANNOTATION_LOCATION} annotation says where the source is`,
    };
  }
  if (typeof value !== 'string' || value.length > MAX_ANNOTATION_LENGTH) {
    return {
      type: 'invalid',
      reason: `${annotation} is not a usable location`,
    };
  }

  const parsed = parseLocation(value.trim());
  if (!parsed) {
    return {
      type: 'invalid',
      reason: `${annotation} "${value}" is neither a url: nor a file: location`,
    };
  }
  // The managed-by location names the catalog file itself; its directory is the repository.
  const fromCatalogFile = annotation === ANNOTATION_LOCATION;
  if (parsed.type === 'file') {
    if (!parsed.target.startsWith('/')) {
      return {
        type: 'invalid',
        reason: `${annotation} "${value}" is a relative file path; use an absolute one`,
      };
    }
    const target = fromCatalogFile
      ? parsed.target.replace(/\/[^/]*$/, '') || '/'
      : parsed.target;
    return { type: 'file', target, paths };
  }
  let url: URL;
  try {
    url = new URL(parsed.target);
  } catch {
    return {
      type: 'invalid',
      reason: `${annotation} "${value}" is not a valid URL`,
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return {
      type: 'invalid',
      reason: `${annotation} uses ${url.protocol}, only http(s) can be read`,
    };
  }
  const target = fromCatalogFile
    ? new URL('./', url).toString().replace('/blob/', '/tree/')
    : url.toString();
  return { type: 'url', target, paths };
}

function parseLocation(
  value: string,
): { type: 'url' | 'file'; target: string } | undefined {
  const match = /^(url|file):(.+)$/.exec(value);
  if (match) return { type: match[1] as 'url' | 'file', target: match[2] };
  // Our own annotation may hold a bare URL.
  if (/^https?:\/\//.test(value)) return { type: 'url', target: value };
  return undefined;
}

/** Comma- or newline-separated globs; a string return value is the reason they are unusable. */
function parsePaths(value: unknown): string[] | undefined | string {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > MAX_ANNOTATION_LENGTH) {
    return `${ANNOTATION_SCORECARD_PATHS} must be a short string of globs`;
  }
  const globs = splitGlobs(value)
    .map(glob => glob.trim())
    .filter(Boolean);
  if (globs.length === 0) {
    return `${ANNOTATION_SCORECARD_PATHS} is empty`;
  }
  if (globs.length > PATH_GLOB_LIMITS.maxGlobs) {
    return `${ANNOTATION_SCORECARD_PATHS} is not allowed: more than ${PATH_GLOB_LIMITS.maxGlobs} globs`;
  }
  for (const glob of globs) {
    const checked = checkPathGlob(glob);
    if ('refused' in checked) return checked.refused;
  }
  return globs;
}

/** Splits at commas and newlines, but not at the commas of a brace group (`{api,web}/**`). */
function splitGlobs(value: string): string[] {
  const globs: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (char === '\n' || (char === ',' && depth === 0)) {
      globs.push(value.slice(start, i));
      start = i + 1;
      depth = 0;
    }
  }
  globs.push(value.slice(start));
  return globs;
}
