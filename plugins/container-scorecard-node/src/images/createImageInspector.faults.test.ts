import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  createImageInspector,
  ImageInspectorOptions,
} from './createImageInspector';

// The real registry covers the happy paths (createImageInspector.registry.test.ts); msw answers
// only what a local registry will not do on demand: auth challenges, rate limits, broken bodies.
const REGISTRY = 'https://registry.test';
const config = Buffer.from(
  JSON.stringify({
    os: 'linux',
    architecture: 'amd64',
    config: { User: 'app' },
  }),
);
const configDigest = digestOf(config);
const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: {
      mediaType: 'application/vnd.oci.image.config.v1+json',
      digest: configDigest,
      size: config.length,
    },
    layers: [],
  }),
);
const manifestDigest = digestOf(manifest);

function digestOf(body: Buffer) {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

/** A registry serving one good image; handlers given first take precedence. */
function serve(...overrides: Parameters<typeof server.use>) {
  server.use(
    ...overrides,
    http.get(`${REGISTRY}/v2/app/manifests/:ref`, ({ params }) =>
      String(params.ref).endsWith('.sig') ||
      String(params.ref).endsWith('.sbom') ||
      String(params.ref).endsWith('.att')
        ? new HttpResponse(null, { status: 404 })
        : new HttpResponse(manifest, {
            headers: {
              'content-type': 'application/vnd.oci.image.manifest.v1+json',
            },
          }),
    ),
    http.head(
      `${REGISTRY}/v2/app/manifests/:ref`,
      () => new HttpResponse(null, { status: 404 }),
    ),
    http.get(
      `${REGISTRY}/v2/app/blobs/${configDigest}`,
      () => new HttpResponse(config),
    ),
    http.get(
      `${REGISTRY}/v2/app/referrers/:digest`,
      () => new HttpResponse(null, { status: 404 }),
    ),
  );
}

const sleeps: number[] = [];
function inspect(options: Partial<ImageInspectorOptions> = {}) {
  return createImageInspector({
    registries: [{ host: 'registry.test' }],
    sleep: async ms => {
      sleeps.push(ms);
    },
    ...options,
  }).inspect('registry.test/app:1');
}
beforeEach(() => {
  sleeps.length = 0;
});

describe('image inspection faults', () => {
  it('follows the anonymous bearer-token flow and sends credentials to the realm', async () => {
    const tokenRequests: URL[] = [];
    const authorizations: (string | null)[] = [];
    serve(
      http.get(`${REGISTRY}/token`, ({ request }) => {
        tokenRequests.push(new URL(request.url));
        authorizations.push(request.headers.get('authorization'));
        return HttpResponse.json({ token: 'tok' });
      }),
      http.all(`${REGISTRY}/v2/*`, ({ request }) =>
        request.headers.get('authorization') === 'Bearer tok'
          ? undefined
          : new HttpResponse(null, {
              status: 401,
              headers: {
                'www-authenticate': `Bearer realm="${REGISTRY}/token",service="registry.test"`,
              },
            }),
      ),
    );
    expect(await inspect()).toMatchObject({
      status: 'inspected',
      image: { digest: manifestDigest },
    });
    expect(tokenRequests[0].searchParams.get('scope')).toBe(
      'repository:app:pull',
    );
    expect(tokenRequests[0].searchParams.get('service')).toBe('registry.test');
    expect(authorizations[0]).toBeNull();
    // Tokens are reused per scope: one token request for the whole image.
    expect(tokenRequests).toHaveLength(1);

    await inspect({
      registries: [{ host: 'registry.test', username: 'u', password: 'p' }],
    });
    expect(authorizations[1]).toBe(
      `Basic ${Buffer.from('u:p').toString('base64')}`,
    );
  });

  it('never follows a token realm outside the configured hosts', async () => {
    serve(
      http.get(
        `${REGISTRY}/v2/app/manifests/:ref`,
        () =>
          new HttpResponse(null, {
            status: 401,
            headers: {
              'www-authenticate': 'Bearer realm="https://evil.test/token"',
            },
          }),
      ),
    );
    expect(await inspect()).toEqual({
      status: 'failed',
      reference: 'registry.test/app:1',
      reason:
        'registry.test pointed to evil.test (token realm), which is not a configured registry host',
    });
  });

  it('names a basic challenge without credentials and refused credentials', async () => {
    serve(
      http.get(
        `${REGISTRY}/v2/app/manifests/:ref`,
        () =>
          new HttpResponse(null, {
            status: 401,
            headers: { 'www-authenticate': 'Basic realm="r"' },
          }),
      ),
    );
    expect(await inspect()).toMatchObject({
      reason:
        'registry.test requires credentials (basic) and none are configured',
    });
    expect(
      await inspect({
        registries: [{ host: 'registry.test', username: 'u', password: 'bad' }],
      }),
    ).toMatchObject({
      reason: 'registry.test refused the credentials (401) for app',
    });
  });

  it('waits for Retry-After on 429, and gives up when the wait is too long', async () => {
    let calls = 0;
    serve(
      http.get(`${REGISTRY}/v2/app/manifests/1`, () =>
        ++calls === 1
          ? new HttpResponse(null, {
              status: 429,
              headers: { 'retry-after': '2' },
            })
          : undefined,
      ),
    );
    expect(await inspect()).toMatchObject({ status: 'inspected' });
    expect(sleeps).toEqual([2000]);

    server.resetHandlers();
    serve(
      http.get(
        `${REGISTRY}/v2/app/manifests/1`,
        () =>
          new HttpResponse(null, {
            status: 503,
            headers: { 'retry-after': '120' },
          }),
      ),
    );
    expect(await inspect()).toMatchObject({
      reason:
        'registry.test is unavailable (503) and asks to retry after 120s (more than the 10s we wait)',
    });
  });

  it.each([
    [
      'a server error',
      http.get(
        `${REGISTRY}/v2/app/manifests/1`,
        () => new HttpResponse('x', { status: 500 }),
      ),
      'the registry answered 500 for the manifest of app:1',
    ],
    [
      'a malformed manifest',
      http.get(
        `${REGISTRY}/v2/app/manifests/1`,
        () => new HttpResponse('{"schemaVersion": 2,'),
      ),
      'the manifest is not valid JSON',
    ],
    [
      'a schema 1 manifest',
      http.get(`${REGISTRY}/v2/app/manifests/1`, () =>
        HttpResponse.json({
          schemaVersion: 1,
          mediaType:
            'application/vnd.docker.distribution.manifest.v1+prettyjws',
        }),
      ),
      'unsupported manifest type application/vnd.docker.distribution.manifest.v1+prettyjws',
    ],
    [
      'a truncated config blob',
      http.get(
        `${REGISTRY}/v2/app/blobs/${configDigest}`,
        () => new HttpResponse(config.subarray(0, 20)),
      ),
      'the image config does not match its digest (truncated or altered)',
    ],
    [
      'a huge config',
      http.get(
        `${REGISTRY}/v2/app/blobs/${configDigest}`,
        () =>
          new HttpResponse(Buffer.alloc(2 * 1024 * 1024, 32), {
            headers: { 'content-length': String(2 * 1024 * 1024) },
          }),
      ),
      'the image config is 2097152 bytes, over the 1048576-byte limit',
    ],
    [
      'a huge config of undeclared length',
      http.get(
        `${REGISTRY}/v2/app/blobs/${configDigest}`,
        () => new HttpResponse(Buffer.alloc(2 * 1024 * 1024, 32)),
      ),
      'the image config is over the 1048576-byte limit',
    ],
    [
      'a redirect outside the list',
      http.get(`${REGISTRY}/v2/app/blobs/${configDigest}`, () =>
        HttpResponse.redirect('https://elsewhere.test/blob', 307),
      ),
      'registry.test pointed to elsewhere.test (redirect), which is not a configured registry host',
    ],
    [
      'an unreachable registry',
      http.get(`${REGISTRY}/v2/app/manifests/1`, () => HttpResponse.error()),
      expect.stringMatching(/^registry\.test could not be reached: /),
    ],
  ])('turns %s into a reason', async (_name, handler, reason) => {
    serve(handler);
    expect(await inspect()).toEqual({
      status: 'failed',
      reference: 'registry.test/app:1',
      reason,
    });
  });

  it('follows blob redirects to trusted storage without sending credentials there', async () => {
    const storageAuth: (string | null)[] = [];
    serve(
      http.get(`${REGISTRY}/v2/app/blobs/${configDigest}`, () =>
        HttpResponse.redirect('https://storage.test/blob', 307),
      ),
      http.get('https://storage.test/blob', ({ request }) => {
        storageAuth.push(request.headers.get('authorization'));
        return new HttpResponse(config);
      }),
    );
    const result = await inspect({
      registries: [
        {
          host: 'registry.test',
          token: 'secret',
          trustedHosts: ['storage.test'],
        },
      ],
    });
    expect(result).toMatchObject({
      status: 'inspected',
      image: { config: { user: 'app' } },
    });
    expect(storageAuth).toEqual([null]);
  });

  it('reads signatures and SBOMs from the referrers API', async () => {
    serve(
      http.get(`${REGISTRY}/v2/app/referrers/:digest`, () =>
        HttpResponse.json(
          {
            schemaVersion: 2,
            mediaType: 'application/vnd.oci.image.index.v1+json',
            manifests: [
              {
                mediaType: 'application/vnd.oci.image.manifest.v1+json',
                digest: manifestDigest,
                size: 1,
                artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
              },
              {
                mediaType: 'application/vnd.oci.image.manifest.v1+json',
                digest: manifestDigest,
                size: 1,
                artifactType: 'application/spdx+json',
              },
            ],
          },
          {
            headers: {
              'content-type': 'application/vnd.oci.image.index.v1+json',
            },
          },
        ),
      ),
    );
    expect(await inspect()).toMatchObject({
      image: {
        supplyChain: {
          signed: true,
          sbom: true,
          attestation: false,
          via: 'referrers',
        },
      },
    });
  });
});
