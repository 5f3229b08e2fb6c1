import { setupServer } from 'msw/node';
import {
  createGithubUrlReader,
  FakeGithub,
} from '../../__testUtils__/fakeGithub';
import { createRepositoryReader } from './createRepositoryReader';
import { classifyReadError } from './retryRead';

const URL = 'https://github.com/acme/svc/tree/main/';

describe('reading repositories through the GitHub reader', () => {
  const github = new FakeGithub();
  const server = setupServer(...github.handlers());
  const reader = createRepositoryReader({
    urlReader: createGithubUrlReader(),
    localRoots: [],
    maxFileBytes: 1000,
    retry: { attempts: 2, baseDelayMs: 5 },
  });
  const source = { type: 'url' as const, target: URL };

  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => server.close());
  beforeEach(() => {
    github.repos.clear();
    github.faults.clear();
    github.requests.status = 0;
    github.requests.tarball = 0;
    github.repos.set('acme/svc', {
      sha: 'sha-1',
      files: {
        Dockerfile: 'FROM node:22-alpine\nUSER node\n',
        '.dockerignore': 'node_modules\n',
        'deploy/app.yaml': 'kind: Deployment\n',
        'src/index.ts': 'console.log("not a container definition")\n',
        'Dockerfile.huge': `FROM x\n${'#'.repeat(4000)}\n`,
        'node_modules/dep/Dockerfile': 'FROM vendored\n',
      },
    });
  });

  it('fetches only candidate files and uses the commit as the ETag', async () => {
    const tree = await reader.read(source, {});

    expect(tree.etag).toBe('sha-1');
    expect(tree.files).toEqual([
      { path: '.dockerignore' },
      { path: 'deploy/app.yaml', content: 'kind: Deployment\n' },
      { path: 'Dockerfile', content: 'FROM node:22-alpine\nUSER node\n' },
    ]);
    expect(tree.oversized).toEqual([
      { path: 'Dockerfile.huge', size: expect.any(Number) },
    ]);
    expect(tree.browseBaseUrl).toBe(URL);
  });

  it('costs one status call and no download when the repository has not changed', async () => {
    await expect(reader.read(source, { etag: 'sha-1' })).rejects.toMatchObject({
      name: 'NotModifiedError',
    });
    expect(github.requests).toEqual({ status: 1, tarball: 0 });
  });

  it('retries rate limits and server errors, then succeeds', async () => {
    github.faults.set('acme/svc', [
      { status: 429, headers: { 'Retry-After': '0' } },
      { status: 502 },
    ]);

    const tree = await reader.read(source, {});

    expect(tree.etag).toBe('sha-1');
    expect(github.requests.status).toBe(3);
  });

  it('gives up on persistent server errors after the configured retries, with a reason', async () => {
    github.faults.set('acme/svc', [
      { status: 503 },
      { status: 503 },
      { status: 503 },
      { status: 503 },
    ]);

    const error = await reader.read(source, {}).catch(e => e);

    expect(github.requests.status).toBe(3); // first try + 2 retries
    expect(classifyReadError(error)).toMatchObject({
      retryable: true,
      reason: expect.stringMatching(/failed \(503\)/),
    });
  });

  it.each([
    [401, /Not authorised.*\(401\)/],
    [404, /not found.*\(404\)/],
  ])('does not retry a %p, and says why', async (status, reason) => {
    github.faults.set('acme/svc', [{ status }, { status }, { status }]);

    const error = await reader.read(source, {}).catch(e => e);

    expect(github.requests.status).toBe(1);
    expect(classifyReadError(error).reason).toMatch(reason);
  });

  it('stops waiting when the scan is aborted', async () => {
    github.faults.set('acme/svc', [{ status: 503 }, { status: 503 }]);
    const slow = createRepositoryReader({
      urlReader: createGithubUrlReader(),
      localRoots: [],
      maxFileBytes: 1000,
      retry: { attempts: 5, baseDelayMs: 60_000 },
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('timed out')), 50);

    await expect(
      slow.read(source, { signal: controller.signal }),
    ).rejects.toThrow('timed out');
  });
});
