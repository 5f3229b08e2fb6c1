import { setupServer } from 'msw/node';
import {
  createGithubUrlReader,
  FakeGithub,
} from '../../__testUtils__/fakeGithub';
import { readUrlTree } from './readUrlTree';
import { DEFAULT_READ_LIMITS } from './readLimits';

const URL = 'https://github.com/acme/svc/tree/main/';
const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: a\n';

describe('readUrlTree limits, through the GitHub reader', () => {
  const github = new FakeGithub();
  const server = setupServer(...github.handlers());
  const urlReader = createGithubUrlReader();
  const options = { ...DEFAULT_READ_LIMITS, maxFileBytes: 1000 };

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => github.repos.clear());

  function serve(files: Record<string, string>) {
    github.repos.set('acme/svc', { sha: 'sha-1', files });
  }

  it('counts every entry of the archive against maxRepositoryFiles and says exactly how many it left out', async () => {
    const files: Record<string, string> = { Dockerfile: 'FROM alpine:3.20\n' };
    for (let i = 0; i < 20; i++) files[`src/file-${i}.ts`] = 'x';
    serve(files);

    const limited = await readUrlTree(urlReader, URL, {
      ...options,
      maxRepositoryFiles: 5,
    });
    expect(limited.limitsReached).toEqual([
      {
        limit: 'repository-files',
        omitted: 16,
        message: expect.stringContaining('first 5 entries'),
      },
    ]);

    const complete = await readUrlTree(urlReader, URL, options);
    expect(complete.limitsReached).toBeUndefined();
    expect(complete.files.map(f => f.path)).toEqual(['Dockerfile']);
  });

  it('keeps room for Dockerfiles when YAML alone would spend the byte budget', async () => {
    serve({
      'a1.yaml': DEPLOYMENT.padEnd(900, '#'),
      'a2.yaml': DEPLOYMENT.padEnd(900, '#'),
      'a3.yaml': DEPLOYMENT.padEnd(900, '#'),
      'z/Dockerfile': 'FROM alpine:3.20\n',
    });

    const tree = await readUrlTree(urlReader, URL, {
      ...options,
      maxEntityBytes: 2000,
    });

    const read = tree.files.map(f => f.path);
    expect(read).toContain('z/Dockerfile');
    // YAML may spend 1500 of the 2000 bytes: reading YAML stops once that share is spent, after
    // the second 900-byte manifest, whichever order the archive has.
    expect(read.filter(p => p.endsWith('.yaml'))).toHaveLength(2);
    expect(tree.limitsReached).toEqual([
      expect.objectContaining({ limit: 'entity-bytes', omitted: 1 }),
    ]);
  });

  it('reports an oversized install manifest, and leaves out other oversized YAML', async () => {
    const manifest = `${DEPLOYMENT}---\napiVersion: v1\nkind: ConfigMap\ndata:\n  big: "${'x'.repeat(
      5000,
    )}"\n`;
    serve({
      'deploy/install.yaml': manifest,
      'docs/openapi.yaml': `openapi: 3.0.0\ninfo:\n  title: "${'x'.repeat(
        5000,
      )}"\n`,
    });

    const tree = await readUrlTree(urlReader, URL, options);

    expect(tree.oversized).toEqual([
      {
        path: 'deploy/install.yaml',
        size: manifest.length,
        kind: 'kubernetes',
      },
    ]);
    expect(tree.files).toEqual([]);
  });

  it('does not fetch an oversized YAML file the byte budget cannot hold', async () => {
    serve({ 'install.yaml': `${DEPLOYMENT}#${'x'.repeat(5000)}\n` });

    const tree = await readUrlTree(urlReader, URL, {
      ...options,
      maxEntityBytes: 4000,
    });

    expect(tree.oversized).toEqual([]);
    expect(tree.limitsReached).toEqual([
      expect.objectContaining({ limit: 'entity-bytes', omitted: 1 }),
    ]);
  });
});
