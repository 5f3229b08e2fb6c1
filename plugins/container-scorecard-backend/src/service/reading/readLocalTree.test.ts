import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLocalTree } from './readLocalTree';
import { DEFAULT_READ_LIMITS } from './readLimits';

describe('readLocalTree', () => {
  let base: string;
  let root: string;
  let repo: string;
  let outside: string;
  const options = { ...DEFAULT_READ_LIMITS, maxFileBytes: 1000 };

  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'cs-local-'));
    root = join(base, 'root');
    repo = join(root, 'repo');
    outside = join(base, 'outside');
    mkdirSync(join(repo, 'deploy'), { recursive: true });
    mkdirSync(join(repo, 'node_modules', 'lib'), { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.20\n');
    writeFileSync(join(repo, '.dockerignore'), 'node_modules\n');
    writeFileSync(join(repo, 'deploy', 'app.yaml'), 'kind: Deployment\n');
    writeFileSync(join(repo, 'README.md'), '# not a definition\n');
    writeFileSync(join(repo, 'node_modules', 'lib', 'Dockerfile'), 'FROM x\n');
    writeFileSync(join(outside, 'Dockerfile'), 'FROM secret\n');
    writeFileSync(join(outside, 'compose.yaml'), 'services: {}\n');
  });

  afterEach(() => rmSync(base, { recursive: true, force: true }));

  it('reads only candidate files, lists .dockerignore and skips vendored code', async () => {
    const tree = await readLocalTree(repo, [root], options);

    expect(tree.files).toEqual([
      { path: '.dockerignore' },
      { path: 'deploy/app.yaml', content: 'kind: Deployment\n' },
      { path: 'Dockerfile', content: 'FROM alpine:3.20\n' },
    ]);
    expect(tree.etag).toMatch(/^local-/);
  });

  it('answers "not modified" for an unchanged tree, and a new ETag after a change', async () => {
    const first = await readLocalTree(repo, [root], options);
    await expect(
      readLocalTree(repo, [root], { ...options, etag: first.etag }),
    ).rejects.toMatchObject({ name: 'NotModifiedError' });

    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.21\nUSER app\n');
    const second = await readLocalTree(repo, [root], {
      ...options,
      etag: first.etag,
    });
    expect(second.etag).not.toBe(first.etag);
  });

  it('refuses directories outside the roots, also through ".." and symbolic links', async () => {
    await expect(readLocalTree(outside, [root], options)).rejects.toMatchObject(
      {
        name: 'NotAllowedError',
        message: `file location ${outside} is not allowed or not readable`,
      },
    );
    await expect(
      readLocalTree(join(repo, '..', '..', 'outside'), [root], options),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });

    symlinkSync(outside, join(root, 'sneaky'));
    await expect(
      readLocalTree(join(root, 'sneaky'), [root], options),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });

    await expect(readLocalTree(repo, [], options)).rejects.toMatchObject({
      name: 'NotAllowedError',
    });
    await expect(
      readLocalTree('relative/path', [root], options),
    ).rejects.toMatchObject({ name: 'NotAllowedError' });
  });

  it('answers alike for a missing, an outside and a non-directory location: nothing is revealed', async () => {
    const answers = await Promise.all(
      [
        join(root, 'missing'),
        join(base, 'missing'),
        outside,
        join(repo, 'Dockerfile'),
        join(outside, 'Dockerfile'),
      ].map(location =>
        readLocalTree(location, [root], options).then(
          () => 'read',
          (error: Error) =>
            `${error.name}: ${error.message.replace(location, 'X')}`,
        ),
      ),
    );
    expect(new Set(answers)).toEqual(
      new Set([
        'NotAllowedError: file location X is not allowed or not readable',
      ]),
    );
  });

  it('never follows links inside the tree to files or directories outside the root', async () => {
    symlinkSync(join(outside, 'Dockerfile'), join(repo, 'Dockerfile.linked'));
    symlinkSync(outside, join(repo, 'linked-dir'));
    writeFileSync(join(root, 'compose.yaml'), 'services: {}\n');
    symlinkSync(join(root, 'compose.yaml'), join(repo, 'compose.yaml'));

    const tree = await readLocalTree(repo, [root], options);

    const paths = tree.files.map(f => f.path);
    expect(paths).toContain('compose.yaml'); // inside the root: followed
    expect(paths).not.toContain('Dockerfile.linked');
    expect(paths.some(p => p.startsWith('linked-dir'))).toBe(false);
    expect(JSON.stringify(tree)).not.toContain('FROM secret');
    // Not read, but not silently gone either: the definition is reported with the reason.
    expect(tree.refused).toEqual([
      {
        path: 'Dockerfile.linked',
        reason: expect.stringMatching(/symbolic link that leads outside/),
      },
    ]);
  });

  it('reports oversized definitions without reading them, and honours path globs', async () => {
    writeFileSync(join(repo, 'Dockerfile.big'), `FROM x\n${'#'.repeat(5000)}`);

    const tree = await readLocalTree(repo, [root], options);
    expect(tree.oversized).toEqual([{ path: 'Dockerfile.big', size: 5007 }]);
    expect(tree.files.map(f => f.path)).not.toContain('Dockerfile.big');

    const onlyDeploy = await readLocalTree(repo, [root], {
      ...options,
      paths: ['deploy/**'],
    });
    expect(onlyDeploy.files.map(f => f.path)).toEqual([
      '.dockerignore',
      'deploy/app.yaml',
    ]);
  });
});
