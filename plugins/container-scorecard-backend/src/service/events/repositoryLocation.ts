/** A place inside a repository, parsed from a web address of it. */
export interface RepositoryLocation {
  /** `host/owner/repo`, lower-cased: the key pushes and sources are matched by. */
  repositoryKey: string;
  /** The branch the address names; undefined for the repository itself (its default branch). */
  branch?: string;
  /** The folder inside the repository, without slashes at either end; '' for the root. */
  path: string;
  /**
   * Everything after `tree/`, `blob/` or `src/`: the branch and the folder together. A branch
   * may hold slashes (`release/2026-12`), so only a known branch name can split it;
   * `branch` and `path` above are the split at the first slash.
   */
  refAndPath?: string;
}

/**
 * Parses the web addresses the catalog and the SCMs use for a repository or a folder in it:
 * GitHub (`/owner/repo/tree/<branch>/<path>`, `blob` too), GitLab (`/group/sub/project/-/tree/
 * <branch>/<path>`) and Bitbucket Cloud (`/workspace/repo/src/<branch>/<path>`), on any host (an
 * enterprise server has the same shapes). A branch with a slash in its name cannot be told from
 * a folder by the address alone: `branch` is its first segment, and `refAndPath` keeps the whole
 * tail for a caller that knows the branch (a push names it) to split with `pathOnBranch`.
 */
export function parseRepositoryLocation(
  address: string,
): RepositoryLocation | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map(segment => decodeURIComponent(segment));
  const key = (repo: string[]) =>
    `${url.host}/${repo.join('/')}`.replace(/\.git$/, '').toLowerCase();
  const rest = (tail: string[]) => ({
    branch: tail[1],
    path: tail.slice(2).join('/'),
    refAndPath: tail.slice(1).join('/'),
  });

  const gitlabMarker = segments.indexOf('-');
  if (gitlabMarker >= 2) {
    const tail = segments.slice(gitlabMarker + 1);
    return {
      repositoryKey: key(segments.slice(0, gitlabMarker)),
      ...(tail[0] === 'tree' || tail[0] === 'blob' ? rest(tail) : { path: '' }),
    };
  }
  if (segments.length < 2) return undefined;
  const tail = segments.slice(2);
  if (['tree', 'blob', 'src'].includes(tail[0]) && tail[1]) {
    return { repositoryKey: key(segments.slice(0, 2)), ...rest(tail) };
  }
  // GitHub and Bitbucket repositories are always owner/repo; GitLab nests groups.
  const isGitlab = /gitlab/i.test(url.host);
  return {
    repositoryKey: key(isGitlab ? segments : segments.slice(0, 2)),
    path: isGitlab ? '' : tail.join('/'),
  };
}

/**
 * The folder `location` names inside `branch`, or undefined when it lies on another branch. An
 * address without a branch follows the default branch (any branch when that is unknown). Git
 * cannot hold both `release` and `release/2026-12` as branches, so at most one split of an
 * address's tail names an existing branch: the one a push to that branch implies.
 */
export function pathOnBranch(
  location: RepositoryLocation,
  branch: string,
  defaultBranch: string | undefined,
): string | undefined {
  if (location.refAndPath === undefined) {
    return defaultBranch === undefined || defaultBranch === branch
      ? location.path
      : undefined;
  }
  if (location.refAndPath === branch) return '';
  return location.refAndPath.startsWith(`${branch}/`)
    ? location.refAndPath.slice(branch.length + 1)
    : undefined;
}
