import {
  mapBitbucketCloudPush,
  mapGithubPush,
  mapGitlabPush,
  PUSH_TOPICS,
} from './mapPushPayloads';

/** Shaped like GitHub's documented `push` webhook payload (trimmed of unused fields). */
function githubPush(overrides: Record<string, unknown> = {}) {
  return {
    ref: 'refs/heads/main',
    before: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
    after: '0000000000000000000000000000000000000001',
    created: false,
    deleted: false,
    forced: false,
    base_ref: null,
    compare:
      'https://github.com/acme/checkout-api/compare/6113728f27ae...000000000001',
    commits: [
      {
        id: '0000000000000000000000000000000000000001',
        message: 'Pin the base image',
        timestamp: '2026-12-01T12:00:00Z',
        added: ['deploy/values-prod.yaml'],
        removed: [],
        modified: ['Dockerfile', 'README.md'],
      },
      {
        id: '0000000000000000000000000000000000000002',
        message: 'Docs',
        timestamp: '2026-12-01T12:01:00Z',
        added: [],
        removed: ['old/compose.yaml'],
        modified: ['README.md'],
      },
    ],
    head_commit: { id: '0000000000000000000000000000000000000002' },
    repository: {
      id: 1296269,
      name: 'checkout-api',
      full_name: 'acme/checkout-api',
      html_url: 'https://github.com/acme/checkout-api',
      clone_url: 'https://github.com/acme/checkout-api.git',
      default_branch: 'main',
      master_branch: 'main',
    },
    pusher: { name: 'octocat', email: 'octocat@example.com' },
    sender: { login: 'octocat', id: 1 },
    ...overrides,
  };
}

describe('push payloads', () => {
  it('reads a GitHub push: repository, branch, default branch and every touched path', () => {
    expect(mapGithubPush(githubPush())).toEqual({
      scm: 'github',
      repositoryUrl: 'https://github.com/acme/checkout-api',
      branch: 'main',
      defaultBranch: 'main',
      changedPaths: [
        'deploy/values-prod.yaml',
        'Dockerfile',
        'README.md',
        'old/compose.yaml',
      ],
    });
  });

  it('leaves the paths unknown when a GitHub payload cannot list them all', () => {
    const twenty = Array.from({ length: 20 }, () => ({
      added: [],
      removed: [],
      modified: ['README.md'],
    }));
    for (const payload of [
      githubPush({ forced: true }),
      githubPush({ created: true, commits: [] }),
      githubPush({ commits: twenty }),
      githubPush({ commits: [] }),
    ]) {
      expect(mapGithubPush(payload)).toMatchObject({ branch: 'main' });
      expect(mapGithubPush(payload)?.changedPaths).toBeUndefined();
    }
  });

  it('ignores GitHub tag pushes, deleted branches and payloads that are not pushes', () => {
    expect(
      mapGithubPush(githubPush({ ref: 'refs/tags/v1.0.0' })),
    ).toBeUndefined();
    expect(mapGithubPush(githubPush({ deleted: true }))).toBeUndefined();
    expect(
      mapGithubPush({ zen: 'Keep it logically awesome.' }),
    ).toBeUndefined();
    expect(mapGithubPush('not json')).toBeUndefined();
    expect(mapGithubPush(null)).toBeUndefined();
  });

  it('keeps the whole name of a branch with slashes', () => {
    expect(
      mapGithubPush(githubPush({ ref: 'refs/heads/release/2026-12' })),
    ).toMatchObject({ branch: 'release/2026-12' });
    expect(
      mapGithubPush(githubPush({ ref: 'refs/heads/feature/a/b' }))?.branch,
    ).toBe('feature/a/b');
    // `refs/heads/` alone names no branch.
    expect(mapGithubPush(githubPush({ ref: 'refs/heads/' }))).toBeUndefined();
  });

  it('refuses malformed GitHub payloads instead of guessing', () => {
    for (const payload of [
      githubPush({ ref: 42 }),
      githubPush({ ref: undefined }),
      githubPush({ repository: undefined }),
      githubPush({ repository: 'acme/checkout-api' }),
      githubPush({ repository: { html_url: '' } }),
      githubPush({ repository: { html_url: ['https://github.com/a/b'] } }),
      [githubPush()],
    ]) {
      expect(mapGithubPush(payload)).toBeUndefined();
    }
    // Commits of the wrong shape: the paths are unknown, never a partial list.
    for (const commits of [
      'three commits',
      [{ added: 'Dockerfile', removed: [], modified: [] }],
      [null],
    ]) {
      const event = mapGithubPush(githubPush({ commits }));
      expect(event).toMatchObject({ branch: 'main' });
      expect(event?.changedPaths).toBeUndefined();
    }
    // Entries that are no strings are left out; the rest are kept.
    expect(
      mapGithubPush(
        githubPush({
          commits: [{ added: [7, 'Dockerfile'], removed: [], modified: [] }],
        }),
      )?.changedPaths,
    ).toEqual(['Dockerfile']);
  });

  /** Shaped like GitLab's documented push hook. */
  const gitlabPush = (overrides: Record<string, unknown> = {}) => ({
    object_kind: 'push',
    event_name: 'push',
    before: '95790bf891e76fee5e1747ab589903a6a1f80f22',
    after: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
    ref: 'refs/heads/release',
    checkout_sha: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
    user_username: 'jsmith',
    project_id: 15,
    project: {
      id: 15,
      name: 'Payments',
      web_url: 'https://gitlab.example.com/shop/backend/payments',
      path_with_namespace: 'shop/backend/payments',
      default_branch: 'main',
    },
    commits: [
      {
        id: 'da1560886d4f094c3e6c9ef40349f7d38b5d27d7',
        message: 'Run as non-root',
        added: ['charts/payments/templates/deployment.yaml'],
        modified: ['src/app.ts'],
        removed: [],
      },
    ],
    total_commits_count: 1,
    ...overrides,
  });

  it('reads a GitLab push, and leaves paths unknown beyond its 20 listed commits', () => {
    expect(mapGitlabPush(gitlabPush())).toEqual({
      scm: 'gitlab',
      repositoryUrl: 'https://gitlab.example.com/shop/backend/payments',
      branch: 'release',
      defaultBranch: 'main',
      changedPaths: ['charts/payments/templates/deployment.yaml', 'src/app.ts'],
    });
    expect(
      mapGitlabPush(gitlabPush({ total_commits_count: 31 }))?.changedPaths,
    ).toBeUndefined();
    expect(
      mapGitlabPush(gitlabPush({ before: '0'.repeat(40) }))?.changedPaths,
    ).toBeUndefined();
    expect(
      mapGitlabPush(gitlabPush({ after: '0'.repeat(40) })),
    ).toBeUndefined();
    expect(mapGitlabPush(gitlabPush({ ref: 'refs/tags/v2' }))).toBeUndefined();
  });

  it('reads GitLab branches with slashes and refuses malformed GitLab payloads', () => {
    expect(
      mapGitlabPush(gitlabPush({ ref: 'refs/heads/release/2026-12' }))?.branch,
    ).toBe('release/2026-12');
    for (const payload of [
      gitlabPush({ project: undefined }),
      gitlabPush({ project: { web_url: 15 } }),
      gitlabPush({ ref: null }),
      'push',
      undefined,
    ]) {
      expect(mapGitlabPush(payload)).toBeUndefined();
    }
    // A count that is no number cannot tell whether every commit is listed.
    expect(
      mapGitlabPush(gitlabPush({ total_commits_count: '1' }))?.changedPaths,
    ).toBeUndefined();
  });

  it('reads Bitbucket Cloud branches with slashes and refuses malformed payloads', () => {
    const repository = {
      links: { html: { href: 'https://bitbucket.org/acme/label-printer' } },
    };
    expect(
      mapBitbucketCloudPush({
        repository,
        push: {
          changes: [{ new: { type: 'branch', name: 'release/2026-12' } }],
        },
      }),
    ).toEqual([
      {
        scm: 'bitbucketCloud',
        repositoryUrl: 'https://bitbucket.org/acme/label-printer',
        branch: 'release/2026-12',
      },
    ]);
    for (const payload of [
      { repository, push: { changes: 'all of them' } },
      { repository, push: null },
      { repository: { links: { html: 'x' } }, push: { changes: [] } },
      { repository, push: { changes: [null, 3, { new: { type: 'branch' } }] } },
      null,
    ]) {
      expect(mapBitbucketCloudPush(payload)).toEqual([]);
    }
  });

  it('reads each branch of a Bitbucket Cloud push, whose payload names no files', () => {
    const payload = {
      actor: { display_name: 'Jo' },
      repository: {
        type: 'repository',
        full_name: 'acme/label-printer',
        links: {
          html: { href: 'https://bitbucket.org/acme/label-printer' },
        },
      },
      push: {
        changes: [
          {
            old: { type: 'branch', name: 'main' },
            new: { type: 'branch', name: 'main', target: { hash: 'abc' } },
            created: false,
            closed: false,
            truncated: false,
            commits: [{ hash: 'abc', message: 'Fix' }],
          },
          { old: null, new: { type: 'tag', name: 'v1' } },
          { old: { type: 'branch', name: 'gone' }, new: null, closed: true },
        ],
      },
    };
    expect(mapBitbucketCloudPush(payload)).toEqual([
      {
        scm: 'bitbucketCloud',
        repositoryUrl: 'https://bitbucket.org/acme/label-printer',
        branch: 'main',
      },
    ]);
    expect(PUSH_TOPICS['bitbucketCloud.repo:push'](payload)).toHaveLength(1);
  });

  it('subscribes to the topics the SCM event routers publish pushes on', () => {
    expect(Object.keys(PUSH_TOPICS)).toEqual([
      'github.push',
      'gitlab.push',
      'bitbucketCloud.repo:push',
    ]);
  });
});
