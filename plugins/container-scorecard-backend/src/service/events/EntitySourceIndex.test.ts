import { Entity } from '@backstage/catalog-model';
import { EntitySourceIndex } from './EntitySourceIndex';
import { parseRepositoryLocation, pathOnBranch } from './repositoryLocation';
import type { PushEvent } from './types';

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, annotations },
    spec: { owner: 'team-a', type: 'service' },
  };
}

const entities = [
  component('api', {
    'backstage.io/source-location':
      'url:https://github.com/acme/monorepo/tree/main/services/api/',
  }),
  component('web', {
    'backstage.io/source-location':
      'url:https://github.com/acme/monorepo/tree/main/services/web/',
    'container-scorecard.io/paths': 'docker/**',
  }),
  component('worker', {
    'backstage.io/managed-by-location':
      'url:https://github.com/acme/worker/blob/release/catalog-info.yaml',
    'container-scorecard.io/extra-sources':
      'gitops=https://gitlab.example.com/ops/gitops/-/tree/main/apps/worker',
  }),
  component('local', {
    'backstage.io/managed-by-location':
      'file:/srv/repos/local/catalog-info.yaml',
    'github.com/project-slug': 'acme/local',
  }),
  component('printer', {
    'backstage.io/source-location':
      'url:https://bitbucket.org/acme/printer/src/main/',
  }),
  component('billing', {
    'backstage.io/source-location':
      'url:https://github.com/acme/platform/tree/release/2026-12/services/billing/',
  }),
  component('ledger', {
    'backstage.io/source-location':
      'url:https://github.com/acme/platform/tree/release/2026-12/services/ledger/',
  }),
  component('gateway', {
    'backstage.io/source-location':
      'url:https://gitlab.example.com/shop/edge/gateway/-/tree/feature/tls/v2/',
  }),
  component('opted-out', {
    'backstage.io/source-location':
      'url:https://github.com/acme/monorepo/tree/main/',
    'container-scorecard.io/skip': 'true',
  }),
];

const push = (
  repositoryUrl: string,
  branch: string,
  changedPaths?: string[],
): PushEvent => ({
  scm: 'github',
  repositoryUrl,
  branch,
  defaultBranch: 'main',
  ...(changedPaths ? { changedPaths } : {}),
});

describe('EntitySourceIndex', () => {
  const index = new EntitySourceIndex(entities);

  it('maps a push to the entities whose read folder holds a changed container definition', () => {
    const monorepo = 'https://github.com/acme/monorepo';
    expect(
      index.match(push(monorepo, 'main', ['services/api/Dockerfile'])),
    ).toEqual(['component:default/api']);
    // Helm charts, Kustomize files and chart helpers count; source code and docs do not.
    expect(
      index.match(
        push(monorepo, 'main', ['services/api/chart/templates/_helpers.tpl']),
      ),
    ).toEqual(['component:default/api']);
    expect(
      index.match(
        push(monorepo, 'main', ['services/api/src/index.ts', 'README.md']),
      ),
    ).toEqual([]);
    // The entity's own globs decide too.
    expect(
      index.match(push(monorepo, 'main', ['services/web/Dockerfile'])),
    ).toEqual([]);
    expect(
      index.match(push(monorepo, 'main', ['services/web/docker/Dockerfile'])),
    ).toEqual(['component:default/web']);
    // Unknown paths: every entity of the branch. Another branch: none.
    expect(index.match(push(monorepo, 'main')).sort()).toEqual([
      'component:default/api',
      'component:default/web',
    ]);
    expect(
      index.match(push(monorepo, 'feature', ['services/api/Dockerfile'])),
    ).toEqual([]);
  });

  it('matches the branch an address names, extra sources, project slugs and Bitbucket Cloud', () => {
    expect(
      index.match(
        push('https://github.com/acme/worker', 'release', ['k8s/deploy.yaml']),
      ),
    ).toEqual(['component:default/worker']);
    expect(
      index.match(
        push('https://github.com/acme/worker', 'main', ['Dockerfile']),
      ),
    ).toEqual([]);
    expect(
      index.match({
        scm: 'gitlab',
        repositoryUrl: 'https://gitlab.example.com/ops/gitops',
        branch: 'main',
        changedPaths: ['apps/worker/kustomization.yaml'],
      }),
    ).toEqual(['component:default/worker']);
    expect(
      index.match(
        push('https://GitHub.com/Acme/Local', 'main', ['compose.yaml']),
      ),
    ).toEqual(['component:default/local']);
    expect(
      index.match({
        scm: 'bitbucketCloud',
        repositoryUrl: 'https://bitbucket.org/acme/printer',
        branch: 'main',
      }),
    ).toEqual(['component:default/printer']);
  });
});

describe('EntitySourceIndex with branches whose names hold slashes', () => {
  const index = new EntitySourceIndex(entities);
  const platform = 'https://github.com/acme/platform';

  it('maps a push to release/2026-12 to the folders read on that branch', () => {
    expect(
      index.match(
        push(platform, 'release/2026-12', ['services/billing/Dockerfile']),
      ),
    ).toEqual(['component:default/billing']);
    // Several entities of one monorepo branch, each only for its own folder.
    expect(
      index
        .match(
          push(platform, 'release/2026-12', [
            'services/billing/Dockerfile',
            'services/ledger/k8s/deployment.yaml',
          ]),
        )
        .sort(),
    ).toEqual(['component:default/billing', 'component:default/ledger']);
    expect(
      index.match(
        push(platform, 'release/2026-12', ['services/ledger/src/main.go']),
      ),
    ).toEqual([]);
    // Unknown paths: every entity of that branch.
    expect(index.match(push(platform, 'release/2026-12')).sort()).toEqual([
      'component:default/billing',
      'component:default/ledger',
    ]);
  });

  it('matches no other branch that shares a prefix with it', () => {
    for (const branch of [
      'release',
      'release/2026-11',
      'release/2026',
      'main',
    ]) {
      expect(
        index.match(push(platform, branch, ['services/billing/Dockerfile'])),
      ).toEqual([]);
    }
    // Git cannot hold `release` beside `release/2026-12`: a push to `release` means the address
    // names the folder 2026-12/services/billing on it.
    expect(
      index.match(
        push(platform, 'release', ['2026-12/services/billing/Dockerfile']),
      ),
    ).toEqual(['component:default/billing']);
  });

  it('splits GitLab addresses with slashed branches too', () => {
    expect(
      index.match({
        scm: 'gitlab',
        repositoryUrl: 'https://gitlab.example.com/shop/edge/gateway',
        branch: 'feature/tls',
        changedPaths: ['v2/Dockerfile', 'Dockerfile'],
      }),
    ).toEqual(['component:default/gateway']);
    expect(
      index.match({
        scm: 'gitlab',
        repositoryUrl: 'https://gitlab.example.com/shop/edge/gateway',
        branch: 'feature/tls',
        changedPaths: ['Dockerfile'],
      }),
    ).toEqual([]);
  });
});

describe('parseRepositoryLocation', () => {
  it.each([
    ['https://github.com/acme/api', 'github.com/acme/api', undefined, ''],
    ['https://github.com/acme/api.git', 'github.com/acme/api', undefined, ''],
    [
      'https://github.com/acme/api/tree/dev/deploy/k8s',
      'github.com/acme/api',
      'dev',
      'deploy/k8s',
    ],
    [
      'https://github.com/acme/api/blob/main/Dockerfile',
      'github.com/acme/api',
      'main',
      'Dockerfile',
    ],
    ['https://gitlab.com/a/b/c/-/tree/main/x', 'gitlab.com/a/b/c', 'main', 'x'],
    ['https://gitlab.com/a/b/c', 'gitlab.com/a/b/c', undefined, ''],
    [
      'https://bitbucket.org/ws/repo/src/main/app/',
      'bitbucket.org/ws/repo',
      'main',
      'app',
    ],
  ])('%s', (address, repositoryKey, branch, path) => {
    expect(parseRepositoryLocation(address)).toEqual({
      repositoryKey,
      ...(branch
        ? { branch, refAndPath: [branch, path].filter(Boolean).join('/') }
        : {}),
      path,
    });
  });

  it('keeps the whole tail after tree/ so a known branch with slashes can split it', () => {
    const location = parseRepositoryLocation(
      'https://github.com/acme/api/tree/release/2026-12/deploy/k8s',
    )!;
    expect(location.refAndPath).toBe('release/2026-12/deploy/k8s');
    expect(pathOnBranch(location, 'release/2026-12', 'main')).toBe(
      'deploy/k8s',
    );
    expect(pathOnBranch(location, 'release', 'main')).toBe(
      '2026-12/deploy/k8s',
    );
    expect(pathOnBranch(location, 'release/2026-12/deploy/k8s', 'main')).toBe(
      '',
    );
    // A branch that is only a prefix of a segment is another branch.
    expect(pathOnBranch(location, 'release/2026', 'main')).toBeUndefined();
    expect(pathOnBranch(location, 'main', 'main')).toBeUndefined();
    // No branch in the address: the default branch, or any when the push does not say.
    const bare = parseRepositoryLocation('https://github.com/acme/api')!;
    expect(pathOnBranch(bare, 'main', 'main')).toBe('');
    expect(pathOnBranch(bare, 'release/2026-12', 'main')).toBeUndefined();
    expect(pathOnBranch(bare, 'release/2026-12', undefined)).toBe('');
  });

  it('refuses what is no web address', () => {
    expect(parseRepositoryLocation('file:/srv/x')).toBeUndefined();
    expect(parseRepositoryLocation('not a url')).toBeUndefined();
    expect(parseRepositoryLocation('https://github.com/')).toBeUndefined();
  });
});
