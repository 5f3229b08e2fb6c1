import { NotModifiedError } from '@backstage/errors';
import type { RepositoryReader } from './createRepositoryReader';
import { readEntitySources } from './readEntitySources';
import type { RepositoryTree } from './types';

/** A reader over fixed trees, by target; an ETag equal to the tree's own is "not modified". */
function fakeReader(trees: Record<string, RepositoryTree | Error>) {
  const calls: { target: string; etag?: string }[] = [];
  const reader: RepositoryReader = {
    async read(source, options) {
      calls.push({ target: source.target, etag: options.etag });
      const tree = trees[source.target];
      if (tree instanceof Error) throw tree;
      if (options.etag && options.etag === tree.etag)
        throw new NotModifiedError('unchanged');
      return tree;
    },
  };
  return { reader, calls };
}

const APP: RepositoryTree = {
  etag: 'app-1',
  files: [{ path: 'Dockerfile', content: 'FROM alpine:3.20\n' }],
  oversized: [],
  browseBaseUrl: 'https://git.example/app/tree/main/',
};
const GITOPS: RepositoryTree = {
  etag: 'gitops-7',
  files: [{ path: 'kustomization.yaml', content: 'resources: []\n' }],
  oversized: [{ path: 'big.yaml', size: 5_000_000 }],
  browseBaseUrl: 'https://git.example/gitops/tree/main/apps/app/',
};
const SOURCE = {
  type: 'url' as const,
  target: 'app',
  extraSources: [{ label: 'gitops', type: 'url' as const, target: 'gitops' }],
};

describe('readEntitySources', () => {
  it('rolls the extra source up under @<label>/, with links into it and both ETags', async () => {
    const { reader } = fakeReader({ app: APP, gitops: GITOPS });
    const tree = await readEntitySources(reader, SOURCE, {});
    expect(tree).toEqual({
      etag: 'container-scorecard-sources:["app-1","gitops-7"]',
      files: [
        { path: 'Dockerfile', content: 'FROM alpine:3.20\n' },
        { path: '@gitops/kustomization.yaml', content: 'resources: []\n' },
      ],
      oversized: [{ path: '@gitops/big.yaml', size: 5_000_000 }],
      browseBaseUrl: 'https://git.example/app/tree/main/',
      browseBaseUrls: [
        {
          prefix: '@gitops/',
          url: 'https://git.example/gitops/tree/main/apps/app/',
          label: 'gitops',
          location: 'gitops', // a url source: its target as the annotation names it
        },
      ],
    });
  });

  it('is unchanged only when every source is, and re-reads the unchanged ones otherwise', async () => {
    const { reader, calls } = fakeReader({ app: APP, gitops: GITOPS });
    const etag = 'container-scorecard-sources:["app-1","gitops-7"]';
    await expect(readEntitySources(reader, SOURCE, { etag })).rejects.toThrow(
      NotModifiedError,
    );
    calls.length = 0;
    const changed = { ...GITOPS, etag: 'gitops-8' };
    const second = fakeReader({ app: APP, gitops: changed });
    const tree = await readEntitySources(second.reader, SOURCE, { etag });
    expect(tree.etag).toBe('container-scorecard-sources:["app-1","gitops-8"]');
    expect(tree.files.map(f => f.path)).toEqual([
      'Dockerfile',
      '@gitops/kustomization.yaml',
    ]);
    expect(second.calls).toEqual([
      { target: 'app', etag: 'app-1' },
      { target: 'gitops', etag: 'gitops-7' },
      { target: 'app', etag: undefined },
    ]);
  });

  it('names the extra source that cannot be read', async () => {
    const missing = Object.assign(new Error('no such folder'), {
      name: 'NotFoundError',
    });
    const { reader } = fakeReader({ app: APP, gitops: missing });
    await expect(readEntitySources(reader, SOURCE, {})).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'extra source gitops (gitops): no such folder',
    });
  });

  it('reads a single source as before', async () => {
    const { reader } = fakeReader({ app: APP });
    expect(
      await readEntitySources(reader, { type: 'url', target: 'app' }, {}),
    ).toBe(APP);
  });
});
