import { Entity } from '@backstage/catalog-model';
import { refOf } from '../discovery/catalogEntities';
import { resolveEntitySource } from '../discovery/resolveEntitySource';
import { createCandidateFilter } from '../reading/candidateFiles';
import {
  parseRepositoryLocation,
  pathOnBranch,
  RepositoryLocation,
} from './repositoryLocation';
import type { PushEvent } from './types';

/** Annotations that name an entity's repository without being where it is read from. */
const SLUG_ANNOTATIONS: Record<string, string> = {
  'github.com/project-slug': 'github.com',
  'gitlab.com/project-slug': 'gitlab.com',
};

/** One place in a repository one entity's scorecard is read from. */
interface IndexedSource {
  entityRef: string;
  /** Where in the repository it is read: the branch and folder are split per push. */
  location: RepositoryLocation;
  /** Decides whether a changed path (relative to `path`) can change the scorecard. */
  holdsDefinitions: (path: string) => boolean;
}

/**
 * Repository and branch to the entities whose container definitions live there, built from the
 * catalog: the source each entity is read from (`container-scorecard.io/source`,
 * `backstage.io/source-location`, `backstage.io/managed-by-location`), its extra sources, and the
 * `github.com/project-slug` / `gitlab.com/project-slug` annotations (an entity read from a local
 * checkout still names the repository it comes from that way).
 */
export class EntitySourceIndex {
  private readonly byRepository = new Map<string, IndexedSource[]>();

  constructor(entities: Entity[]) {
    for (const entity of entities) this.add(entity);
  }

  /** How many repositories the index knows. */
  get size(): number {
    return this.byRepository.size;
  }

  /**
   * The entities a push should rescan: those read from the pushed branch (or from the default
   * branch, when their address names none) whose read folder holds a changed path that can be a
   * container definition by the reader's own candidate rules (Dockerfiles, compose files, YAML
   * manifests, Helm charts and their helpers, Kustomize files, `.dockerignore`) and matches their
   * `container-scorecard.io/paths` globs. A push whose paths are unknown rescans them all.
   */
  match(push: PushEvent): string[] {
    const location = parseRepositoryLocation(push.repositoryUrl);
    if (!location) return [];
    const matched = new Set<string>();
    for (const source of this.byRepository.get(location.repositoryKey) ?? []) {
      const folder = pathOnBranch(
        source.location,
        push.branch,
        push.defaultBranch,
      );
      if (folder === undefined) continue;
      if (!push.changedPaths || touches(source, folder, push.changedPaths)) {
        matched.add(source.entityRef);
      }
    }
    return [...matched];
  }

  private add(entity: Entity) {
    const source = resolveEntitySource(entity);
    if (source.type !== 'url' && source.type !== 'file') return;
    const entityRef = refOf(entity);
    const filter = createCandidateFilter({
      paths: source.paths,
      maxFileBytes: Number.POSITIVE_INFINITY,
    });
    const anyCandidate = createCandidateFilter({
      maxFileBytes: Number.POSITIVE_INFINITY,
    });
    const primary = (path: string) => filter(path) !== 'skip';
    // The globs of `container-scorecard.io/paths` apply to the primary source only.
    const extra = (path: string) => anyCandidate(path) !== 'skip';
    if (source.type === 'url') this.put(entityRef, source.target, primary);
    for (const extraSource of source.extraSources ?? []) {
      if (extraSource.type === 'url') {
        this.put(entityRef, extraSource.target, extra);
      }
    }
    const annotations = entity.metadata.annotations ?? {};
    for (const [annotation, host] of Object.entries(SLUG_ANNOTATIONS)) {
      const slug = annotations[annotation];
      if (typeof slug === 'string' && /^[^/\s]+(\/[^/\s]+)+$/.test(slug)) {
        this.put(entityRef, `https://${host}/${slug}`, primary);
      }
    }
  }

  private put(
    entityRef: string,
    address: string,
    holdsDefinitions: (path: string) => boolean,
  ) {
    const location = parseRepositoryLocation(address);
    if (!location) return;
    const sources = this.byRepository.get(location.repositoryKey) ?? [];
    sources.push({ entityRef, location, holdsDefinitions });
    this.byRepository.set(location.repositoryKey, sources);
  }
}

/** Whether a changed path lies in `folder` and can hold a definition of the source. */
function touches(
  source: IndexedSource,
  folder: string,
  changedPaths: string[],
): boolean {
  const prefix = folder ? `${folder}/` : '';
  return changedPaths.some(
    path =>
      path.startsWith(prefix) &&
      source.holdsDefinitions(path.slice(prefix.length)),
  );
}
