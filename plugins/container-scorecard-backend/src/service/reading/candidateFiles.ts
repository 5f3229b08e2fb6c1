import {
  classifyContainerFile,
  isHelmTemplateHelper,
} from '@container-scorecard/plugin-container-scorecard-common';
import { compilePathGlobs } from '../pathGlobs/compilePathGlobs';

/** What to do with a path found in a repository. */
export type CandidateDecision =
  /** A possible container definition: fetch and analyse it. */
  | 'read'
  /** Repository rules only need to know it exists (`.dockerignore`). */
  | 'list'
  /** A container definition too large to fetch: reported, not analysed. */
  | 'oversized'
  /**
   * A YAML file too large to fetch: only a workload manifest or a compose file (by content) is
   * worth reporting as oversized, so the reader looks at its head (`oversizedYamlKind`) and
   * otherwise leaves it out.
   */
  | 'peek'
  /**
   * A small JSON file: a Kustomize JSON 6902 patch if a kustomization names it. Readers keep
   * it only then (see `kustomizeJsonPatchPaths`), so a repository's other JSON costs nothing.
   */
  | 'reference'
  | 'skip';

/** JSON 6902 patches are a few operations; a larger JSON file is data, not a patch. */
export const MAX_JSON_PATCH_BYTES = 64 * 1024;

/** Directories that hold other people's code, never the service's own container definitions. */
export const IGNORED_DIRECTORIES = new Set(['.git', 'node_modules', 'vendor']);

/**
 * Decides per path (relative to the repository root) and size whether to fetch a file, so a
 * tree read only transfers candidate files.
 */
export function createCandidateFilter(options: {
  paths?: string[];
  maxFileBytes: number;
}): (path: string, size?: number) => CandidateDecision {
  const matchesGlobs = options.paths && compilePathGlobs(options.paths);
  return (path, size) => {
    const segments = path.split('/');
    if (segments.slice(0, -1).some(s => IGNORED_DIRECTORIES.has(s))) {
      return 'skip';
    }
    const name = segments[segments.length - 1];
    if (name === '.dockerignore') return 'list';
    const kind = classifyContainerFile(path);
    // A chart's helpers (`templates/_helpers.tpl`): its templates include them.
    const chartHelper = !kind && isHelmTemplateHelper(path);
    if (!kind && !chartHelper) {
      const jsonPatch =
        /\.json$/i.test(name) &&
        (size === undefined || size <= MAX_JSON_PATCH_BYTES) &&
        (!matchesGlobs || matchesGlobs(path));
      return jsonPatch ? 'reference' : 'skip';
    }
    // Globs run only on candidates: most paths of a repository never reach them.
    if (matchesGlobs && !matchesGlobs(path)) return 'skip';
    if (size !== undefined && size > options.maxFileBytes) {
      if (chartHelper) return 'skip';
      // A huge YAML file is rarely a manifest, but a big install manifest must not vanish.
      return kind === 'kubernetes-candidate' ? 'peek' : 'oversized';
    }
    return 'read';
  };
}
