import type { PushEvent } from './types';

/** Both GitHub and GitLab put at most this many commits in a push payload. */
const PAYLOAD_COMMIT_LIMIT = 20;

type Json = Record<string, unknown>;

function object(value: unknown): Json | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** `refs/heads/main` to `main`; tags and other refs are no branch. */
function branchOf(ref: unknown): string | undefined {
  const name = text(ref);
  return name?.startsWith('refs/heads/')
    ? name.slice('refs/heads/'.length)
    : undefined;
}

/** Every path the commits touched, or undefined when the list cannot be complete. */
function pathsOf(commits: unknown, complete: boolean): string[] | undefined {
  if (!complete || !Array.isArray(commits) || commits.length === 0) {
    return undefined;
  }
  const paths = new Set<string>();
  for (const commit of commits) {
    for (const list of ['added', 'modified', 'removed']) {
      const entries = object(commit)?.[list];
      if (!Array.isArray(entries)) return undefined;
      for (const path of entries) if (typeof path === 'string') paths.add(path);
    }
  }
  return [...paths];
}

/**
 * A GitHub `push` webhook (topic `github.push`). A deleted branch asks for nothing (the next
 * sweep finds the source gone); a forced push, a new branch or a payload at GitHub's commit
 * limit leaves the paths unknown.
 */
export function mapGithubPush(payload: unknown): PushEvent | undefined {
  const body = object(payload);
  const repository = object(body?.repository);
  const branch = branchOf(body?.ref);
  const repositoryUrl = text(repository?.html_url);
  if (!body || !branch || !repositoryUrl || body.deleted === true) {
    return undefined;
  }
  const commits = body.commits;
  const complete =
    body.forced !== true &&
    body.created !== true &&
    Array.isArray(commits) &&
    commits.length < PAYLOAD_COMMIT_LIMIT;
  const changedPaths = pathsOf(commits, complete);
  const defaultBranch = text(repository?.default_branch);
  return {
    scm: 'github',
    repositoryUrl,
    branch,
    ...(defaultBranch ? { defaultBranch } : {}),
    ...(changedPaths ? { changedPaths } : {}),
  };
}

/** GitLab's null SHA: the `before` of a new branch, the `after` of a deleted one. */
const NULL_SHA = /^0+$/;

/** A GitLab push hook (topic `gitlab.push`); `commits` holds at most 20 of `total_commits_count`. */
export function mapGitlabPush(payload: unknown): PushEvent | undefined {
  const body = object(payload);
  const project = object(body?.project);
  const branch = branchOf(body?.ref);
  const repositoryUrl = text(project?.web_url);
  if (!body || !branch || !repositoryUrl) return undefined;
  if (NULL_SHA.test(text(body.after) ?? '')) return undefined;
  const commits = body.commits;
  const complete =
    !NULL_SHA.test(text(body.before) ?? '') &&
    Array.isArray(commits) &&
    typeof body.total_commits_count === 'number' &&
    body.total_commits_count === commits.length;
  const changedPaths = pathsOf(commits, complete);
  const defaultBranch = text(project?.default_branch);
  return {
    scm: 'gitlab',
    repositoryUrl,
    branch,
    ...(defaultBranch ? { defaultBranch } : {}),
    ...(changedPaths ? { changedPaths } : {}),
  };
}

/**
 * A Bitbucket Cloud `repo:push` (topic `bitbucketCloud.repo:push`): one event per push, one
 * change per branch. Its payload names no files, so every entity of a pushed branch is rescanned.
 */
export function mapBitbucketCloudPush(payload: unknown): PushEvent[] {
  const body = object(payload);
  const repositoryUrl = text(
    object(object(object(body?.repository)?.links)?.html)?.href,
  );
  const changes = object(body?.push)?.changes;
  if (!repositoryUrl || !Array.isArray(changes)) return [];
  const events: PushEvent[] = [];
  for (const change of changes) {
    const after = object(object(change)?.new);
    const branch = after?.type === 'branch' ? text(after.name) : undefined;
    if (branch) events.push({ scm: 'bitbucketCloud', repositoryUrl, branch });
  }
  return events;
}

/** The topics the SCM event modules publish pushes on, and how each payload is read. */
export const PUSH_TOPICS: Record<string, (payload: unknown) => PushEvent[]> = {
  'github.push': payload =>
    [mapGithubPush(payload)].flatMap(e => (e ? [e] : [])),
  'gitlab.push': payload =>
    [mapGitlabPush(payload)].flatMap(e => (e ? [e] : [])),
  'bitbucketCloud.repo:push': mapBitbucketCloudPush,
};
