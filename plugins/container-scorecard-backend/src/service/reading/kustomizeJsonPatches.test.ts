import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setupServer } from 'msw/node';
import {
  createGithubUrlReader,
  FakeGithub,
} from '../../__testUtils__/fakeGithub';
import { createCandidateFilter } from './candidateFiles';
import { readLocalTree } from './readLocalTree';
import { DEFAULT_READ_LIMITS } from './readLimits';
import { readUrlTree } from './readUrlTree';

/** An overlay whose patches are JSON 6902 operations kept in `.json` files, both spellings. */
const REPOSITORY: Record<string, string> = {
  'base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'base/deployment.yaml':
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n',
  'overlays/prod/kustomization.yaml': [
    'resources:',
    '  - ../../base',
    'patches:',
    '  - path: privileged.json',
    '    target: { kind: Deployment, name: web }',
    'patchesJson6902:',
    '  - path: ../../patches/replicas.json',
    '    target: { group: apps, version: v1, kind: Deployment, name: web }',
    '',
  ].join('\n'),
  'overlays/prod/privileged.json':
    '[{"op":"add","path":"/spec/privileged","value":true}]',
  'patches/replicas.json': '[{"op":"add","path":"/spec/replicas","value":3}]',
  // JSON no kustomization names: never kept.
  'package.json': '{"name":"web"}',
  'overlays/prod/unused.json': '[]',
};

const WANTED = [
  'base/deployment.yaml',
  'base/kustomization.yaml',
  'overlays/prod/kustomization.yaml',
  'overlays/prod/privileged.json',
  'patches/replicas.json',
];

describe('Kustomize JSON 6902 patch files', () => {
  it('are candidates only while small', () => {
    const decide = createCandidateFilter({ maxFileBytes: 1_000_000 });
    expect(decide('overlays/prod/patch.json', 100)).toBe('reference');
    expect(decide('overlays/prod/patch.json', 100_000)).toBe('skip');
    expect(decide('src/index.ts', 100)).toBe('skip');
  });

  describe('from a file: location', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'cs-json-patch-'));
      for (const [path, content] of Object.entries(REPOSITORY)) {
        mkdirSync(dirname(join(root, 'repo', path)), { recursive: true });
        writeFileSync(join(root, 'repo', path), content);
      }
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('reads the JSON patches an overlay names, and no other JSON', async () => {
      const tree = await readLocalTree(join(root, 'repo'), [root], {
        ...DEFAULT_READ_LIMITS,
        maxFileBytes: 100_000,
      });
      expect(tree.files.map(f => f.path)).toEqual(WANTED);
      expect(
        tree.files.find(f => f.path === 'patches/replicas.json')?.content,
      ).toBe(REPOSITORY['patches/replicas.json']);
    });

    it('changes the ETag when a patch changes', async () => {
      const options = { ...DEFAULT_READ_LIMITS, maxFileBytes: 100_000 };
      const before = await readLocalTree(join(root, 'repo'), [root], options);
      writeFileSync(
        join(root, 'repo', 'patches/replicas.json'),
        '[{"op":"add","path":"/spec/replicas","value":30}]',
      );
      const after = await readLocalTree(join(root, 'repo'), [root], options);
      expect(after.etag).not.toBe(before.etag);
    });
  });

  describe('through a URL reader', () => {
    const github = new FakeGithub();
    const server = setupServer(...github.handlers());
    beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
    afterAll(() => server.close());

    it('keeps the JSON patches an overlay names, and no other JSON', async () => {
      github.repos.set('acme/deploy', { sha: 'sha-1', files: REPOSITORY });
      const tree = await readUrlTree(
        createGithubUrlReader(),
        'https://github.com/acme/deploy/tree/main/',
        { ...DEFAULT_READ_LIMITS, maxFileBytes: 100_000 },
      );
      expect(tree.files.map(f => f.path)).toEqual(WANTED);
      expect(
        tree.files.find(f => f.path === 'overlays/prod/privileged.json')
          ?.content,
      ).toBe(REPOSITORY['overlays/prod/privileged.json']);
    });
  });
});
