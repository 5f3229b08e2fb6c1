/**
 * Paths inside a repository, always with `/` and relative to its root ('' is the root). Pure
 * string work: this package runs in browsers too.
 */

/** The directory of a file path ('' for a file at the root). */
export function directoryOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  const slash = normalized.lastIndexOf('/');
  return slash < 0 ? '' : normalized.slice(0, slash);
}

/** The last segment of a path. */
export function baseNameOf(path: string): string {
  const normalized = path.replace(/\\/g, '/');
  return normalized.slice(normalized.lastIndexOf('/') + 1);
}

/**
 * `relative` resolved against `directory`; `undefined` when it climbs above the repository root
 * or is absolute (kustomize would read outside the repository).
 */
export function resolveInRepository(
  directory: string,
  relative: string,
): string | undefined {
  const cleaned = relative.replace(/\\/g, '/');
  if (cleaned.startsWith('/')) return undefined;
  const segments = directory ? directory.split('/') : [];
  for (const segment of cleaned.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return undefined;
      segments.pop();
    } else segments.push(segment);
  }
  return segments.join('/');
}

/** Joins a directory and a name. */
export function joinPath(directory: string, name: string): string {
  return directory ? `${directory}/${name}` : name;
}

/**
 * Whether a kustomization entry names a remote location (a Git repository or an HTTP URL)
 * rather than a path in this repository.
 */
export function isRemoteReference(reference: string): boolean {
  return (
    /^[a-z][a-z0-9+.-]*:\/\//i.test(reference) ||
    /^git@/.test(reference) ||
    /^(github\.com|gitlab\.com|bitbucket\.org|dev\.azure\.com)\//i.test(
      reference,
    ) ||
    /\?(ref|version|timeout|submodules)=/.test(reference)
  );
}
