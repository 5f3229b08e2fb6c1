/** A push to a branch, as the SCM event modules deliver it, reduced to what rescans need. */
export interface PushEvent {
  /** Where the event came from, for logs. */
  scm: 'github' | 'gitlab' | 'bitbucketCloud';
  /** The repository's web address (`https://github.com/acme/api`). */
  repositoryUrl: string;
  /** The branch pushed to. */
  branch: string;
  /** The repository's default branch, when the payload says it. */
  defaultBranch?: string;
  /**
   * Paths (from the repository root) the pushed commits added, changed or removed; undefined
   * when the payload does not list them all (Bitbucket Cloud never does, GitHub and GitLab cut
   * long pushes short), so that every entity of the branch is rescanned.
   */
  changedPaths?: string[];
}
