import { Entity } from '@backstage/catalog-model';
import { EntitySourceIndex } from './EntitySourceIndex';
import { parseRepositoryLocation } from './repositoryLocation';
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
      ...(branch ? { branch } : {}),
      path,
    });
  });

  it('refuses what is no web address', () => {
    expect(parseRepositoryLocation('file:/srv/x')).toBeUndefined();
    expect(parseRepositoryLocation('not a url')).toBeUndefined();
    expect(parseRepositoryLocation('https://github.com/')).toBeUndefined();
  });
});
