/**
 * The file name of a report export after its scope and day, e.g.
 * `container-scorecard-payments-2026-12-01.csv` or `container-scorecard-organisation-….csv`:
 * two exports of different scopes never overwrite each other in a downloads folder. The backend
 * sends it and the portal saves under it.
 *
 * @public
 */
export function reportFileName(
  groupRef: string | undefined,
  now: Date,
  kind: 'services' | 'findings' = 'services',
): string {
  const name = groupRef
    ? groupRef.replace(/^group:/i, '').replace(/^default\//i, '')
    : 'organisation';
  const slug =
    name
      .toLocaleLowerCase('en-US')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'scope';
  const suffix = kind === 'findings' ? '-findings' : '';
  return `container-scorecard-${slug}${suffix}-${now
    .toISOString()
    .slice(0, 10)}.csv`;
}
