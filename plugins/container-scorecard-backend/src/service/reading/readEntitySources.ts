import type { ExtraSource } from '../discovery/extraSources';
import type { RepositoryReader } from './createRepositoryReader';
import type { RepositoryTree } from './types';

/** The primary source of an entity, with the extra places its definitions live. */
export interface EntitySources {
  type: 'url' | 'file';
  target: string;
  paths?: string[];
  extraSources?: ExtraSource[];
}

/** Where the files of an extra source appear in the entity's tree. */
export function extraSourcePrefix(label: string): string {
  return `@${label}/`;
}

const COMPOSITE_ETAG = 'container-scorecard-sources:';

/**
 * Reads an entity's source and its extra sources into one tree, each source with its own ETag
 * (kept together in the entity's stored ETag). When every source is unchanged the first
 * `NotModifiedError` is thrown, as for a single source; when any changed, the unchanged ones are
 * read again (the store keeps results, not files) and all are rolled up: the files of an extra
 * source under `@<label>/`, with links into that source. A source that cannot be read fails the
 * entity with the source named in the reason.
 */
export async function readEntitySources(
  reader: RepositoryReader,
  source: EntitySources,
  options: { etag?: string; signal?: AbortSignal },
): Promise<RepositoryTree> {
  const extras = source.extraSources ?? [];
  if (extras.length === 0) return reader.read(source, options);
  const sources = [
    { prefix: '', label: undefined as string | undefined, read: source },
    ...extras.map(extra => ({
      prefix: extraSourcePrefix(extra.label),
      label: extra.label as string | undefined,
      read: { type: extra.type, target: extra.target },
    })),
  ];
  const previous = parseCompositeEtag(options.etag, sources.length);
  const readOne = async (index: number, etag: string | undefined) => {
    const { label, read } = sources[index];
    try {
      return await reader.read(read, { etag, signal: options.signal });
    } catch (error) {
      if (label && (error as Error)?.name !== 'NotModifiedError')
        nameSource(error, `extra source ${label} (${read.target})`);
      throw error;
    }
  };
  const first = await Promise.allSettled(
    sources.map((_, index) => readOne(index, previous?.[index])),
  );
  const failed = first.find(
    (r): r is PromiseRejectedResult =>
      r.status === 'rejected' &&
      (r.reason as Error)?.name !== 'NotModifiedError',
  );
  if (failed) throw failed.reason;
  if (first.every(r => r.status === 'rejected')) {
    throw (first[0] as PromiseRejectedResult).reason;
  }
  const trees = await Promise.all(
    first.map((result, index) =>
      result.status === 'fulfilled' ? result.value : readOne(index, undefined),
    ),
  );
  return mergeTrees(
    trees.map((tree, index) => ({
      tree,
      prefix: sources[index].prefix,
      label: sources[index].label,
      location:
        sources[index].read.type === 'file'
          ? `file:${sources[index].read.target}`
          : sources[index].read.target,
    })),
  );
}

function mergeTrees(
  parts: {
    tree: RepositoryTree;
    prefix: string;
    label?: string;
    location: string;
  }[],
): RepositoryTree {
  const [primary] = parts;
  const prefixed = <T extends { path: string }>(items: T[], prefix: string) =>
    items.map(item => ({ ...item, path: `${prefix}${item.path}` }));
  const limitsReached = parts.flatMap(p => p.tree.limitsReached ?? []);
  const refused = parts.flatMap(p => prefixed(p.tree.refused ?? [], p.prefix));
  return {
    etag: `${COMPOSITE_ETAG}${JSON.stringify(parts.map(p => p.tree.etag))}`,
    files: parts.flatMap(p => prefixed(p.tree.files, p.prefix)),
    oversized: parts.flatMap(p => prefixed(p.tree.oversized, p.prefix)),
    ...(refused.length ? { refused } : {}),
    ...(primary.tree.browseBaseUrl
      ? { browseBaseUrl: primary.tree.browseBaseUrl }
      : {}),
    browseBaseUrls: parts.slice(1).map(p => ({
      prefix: p.prefix,
      url: p.tree.browseBaseUrl,
      label: p.label,
      location: p.location,
    })),
    ...(limitsReached.length ? { limitsReached } : {}),
  };
}

/** The per-source ETags kept in an entity's stored ETag, when they match the sources. */
function parseCompositeEtag(
  etag: string | undefined,
  count: number,
): (string | undefined)[] | undefined {
  if (!etag?.startsWith(COMPOSITE_ETAG)) return undefined;
  try {
    const parsed = JSON.parse(etag.slice(COMPOSITE_ETAG.length));
    return Array.isArray(parsed) && parsed.length === count
      ? parsed.map(e => (typeof e === 'string' ? e : undefined))
      : undefined;
  } catch {
    return undefined;
  }
}

/** Says which source an error came from, keeping its name and status for classification. */
function nameSource(error: unknown, what: string) {
  try {
    (error as Error).message = `${what}: ${(error as Error).message}`;
  } catch {
    // a frozen error keeps its message
  }
}
