import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLocalTree } from './readLocalTree';
import { DEFAULT_READ_LIMITS } from './readLimits';

const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n';

// Thousands of real files are written per test: slow on a busy machine, so no 5 s default.
jest.setTimeout(60_000);

describe('readLocalTree limits', () => {
  let root: string;
  let repo: string;
  const options = { ...DEFAULT_READ_LIMITS, maxFileBytes: 1000 };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cs-limits-'));
    repo = join(root, 'repo');
    mkdirSync(repo);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function manyFiles(dir: string, count: number) {
    mkdirSync(join(repo, dir), { recursive: true });
    for (let i = 0; i < count; i++) {
      writeFileSync(join(repo, dir, `file-${i}.txt`), 'x');
    }
  }

  it('finds the root Dockerfile of a repository with more entries than the limit, and says how many it left out', async () => {
    // "aaa" sorts and is often listed before the Dockerfile: breadth-first still reaches it.
    manyFiles('aaa', 100);
    writeFileSync(join(repo, 'aaa', 'compose.yaml'), 'services: {}\n');
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.20\n');

    const tree = await readLocalTree(repo, [root], {
      ...options,
      maxRepositoryFiles: 60,
    });

    expect(tree.files.map(f => f.path)).toContain('Dockerfile');
    // 2 entries at the root and 101 in aaa/: 103 entries, 60 looked at.
    expect(tree.limitsReached).toEqual([
      {
        limit: 'repository-files',
        omitted: 43,
        message: expect.stringMatching(
          /first 60 entries.*maxRepositoryFiles.*: 43 more were not/,
        ),
      },
    ]);
  });

  it('gives a lower bound when even counting what it left out hits the limit', async () => {
    manyFiles('aaa', 100);
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.20\n');

    const tree = await readLocalTree(repo, [root], {
      ...options,
      maxRepositoryFiles: 10,
    });

    expect(tree.files.map(f => f.path)).toEqual(['Dockerfile']);
    expect(tree.limitsReached).toEqual([
      {
        limit: 'repository-files',
        omitted: 10,
        message: expect.stringContaining('at least 10 more were not'),
      },
    ]);
  });

  it('is complete, with no notice, when the repository is within the limits', async () => {
    manyFiles('aaa', 5);
    writeFileSync(join(repo, 'Dockerfile'), 'FROM alpine:3.20\n');

    const tree = await readLocalTree(repo, [root], {
      ...options,
      maxRepositoryFiles: 7,
    });

    expect(tree.limitsReached).toBeUndefined();
  });

  it('reports directories too deep to walk instead of dropping them silently', async () => {
    const deep = join(repo, ...Array.from({ length: 14 }, (_, i) => `d${i}`));
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, 'Dockerfile'), 'FROM alpine:3.20\n');

    const tree = await readLocalTree(repo, [root], options);

    expect(tree.files).toEqual([]);
    expect(tree.limitsReached).toEqual([
      {
        limit: 'repository-depth',
        omitted: 1,
        message:
          '1 directory nested more than 12 levels deep was not looked at',
      },
    ]);
  });

  it('spends the byte budget on Dockerfiles and compose files first, and counts what it did not read', async () => {
    mkdirSync(join(repo, 'a'));
    // Shallow YAML sorts first by name and by depth, yet comes last by kind.
    for (const name of ['a1.yaml', 'a2.yaml', 'a3.yaml']) {
      writeFileSync(join(repo, name), DEPLOYMENT.padEnd(400, '#'));
    }
    writeFileSync(join(repo, 'a', 'Dockerfile'), 'FROM alpine:3.20\n');
    writeFileSync(join(repo, 'a', 'compose.yaml'), 'services: {}\n');

    const tree = await readLocalTree(repo, [root], {
      ...options,
      maxEntityBytes: 1000,
    });

    const read = tree.files.map(f => f.path);
    expect(read).toEqual(
      expect.arrayContaining(['a/Dockerfile', 'a/compose.yaml']),
    );
    // 1000 bytes, of which YAML may take 750: reading stops once 750 are spent, after the
    // second 400-byte manifest.
    expect(read.filter(p => /^a\d\.yaml$/.test(p))).toEqual([
      'a1.yaml',
      'a2.yaml',
    ]);
    expect(tree.limitsReached).toEqual([
      {
        limit: 'entity-bytes',
        omitted: 1,
        message:
          "1 candidate file was not read: the entity's files exceed " +
          'containerScorecard.limits.maxEntityBytes (1000 bytes)',
      },
    ]);
  });

  it('reads a definition larger than the whole budget when it comes first, and nothing after it', async () => {
    writeFileSync(
      join(repo, 'Dockerfile'),
      `FROM alpine:3.20\n${'#'.repeat(900)}\n`,
    );
    writeFileSync(join(repo, 'compose.yaml'), 'services: {}\n');

    const tree = await readLocalTree(repo, [root], {
      ...options,
      maxEntityBytes: 500,
    });

    expect(tree.files.map(f => f.path)).toEqual(['Dockerfile']);
    expect(tree.limitsReached).toEqual([
      expect.objectContaining({ limit: 'entity-bytes', omitted: 1 }),
    ]);
  });

  it('reports an oversized install manifest or compose file, and leaves out other oversized YAML', async () => {
    const manifest = [
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: system\n',
      DEPLOYMENT,
      `apiVersion: v1\nkind: ConfigMap\ndata:\n  big: "${'x'.repeat(5000)}"\n`,
    ].join('---\n');
    writeFileSync(join(repo, 'install.yaml'), manifest);
    writeFileSync(
      join(repo, 'openapi.yaml'),
      `openapi: 3.0.0\ninfo:\n  title: "${'x'.repeat(5000)}"\n`,
    );
    // A compose file under a name of its own is told by its head.
    const stack = `services:\n  api:\n    image: acme/api:1\n    command: "${'x'.repeat(
      5000,
    )}"\n`;
    writeFileSync(join(repo, 'stack.yml'), stack);

    const tree = await readLocalTree(repo, [root], options);

    expect(tree.oversized).toEqual([
      {
        path: 'install.yaml',
        size: Buffer.byteLength(manifest),
        kind: 'kubernetes',
      },
      { path: 'stack.yml', size: Buffer.byteLength(stack), kind: 'compose' },
    ]);
    expect(tree.files).toEqual([]);
    expect(tree.limitsReached).toBeUndefined();
  });

  it('stops walking when the scan is aborted, with the signal’s reason', async () => {
    manyFiles('aaa', 3000);
    const controller = new AbortController();
    const reason = new Error('entity timed out');

    const reading = readLocalTree(repo, [root], {
      ...options,
      signal: controller.signal,
    });
    setImmediate(() => controller.abort(reason));

    await expect(reading).rejects.toBe(reason);
  });

  it('lets other work run while it walks a large directory', async () => {
    manyFiles('aaa', 3000);
    let ticks = 0;
    let walking = true;
    const tick = () => {
      ticks += 1;
      if (walking) setImmediate(tick);
    };
    setImmediate(tick);

    await readLocalTree(repo, [root], options);
    walking = false;

    // The walk yields every few hundred entries: other callbacks got their turns.
    expect(ticks).toBeGreaterThan(5);
  });
});
