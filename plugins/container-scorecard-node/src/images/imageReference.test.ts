import { resolveImageReference } from './imageReference';
import { parseAuthChallenge } from './registryAuth';
import { apiHostOf, baseUrlOf, findRegistry } from './registryConfig';

describe('resolveImageReference', () => {
  it.each([
    ['node', { host: 'docker.io', repository: 'library/node', tag: 'latest' }],
    [
      'node:22-slim',
      { host: 'docker.io', repository: 'library/node', tag: '22-slim' },
    ],
    [
      'bitnami/redis:7',
      { host: 'docker.io', repository: 'bitnami/redis', tag: '7' },
    ],
    [
      'docker.io/nginx',
      { host: 'docker.io', repository: 'library/nginx', tag: 'latest' },
    ],
    [
      'ghcr.io/acme/api:1.2',
      { host: 'ghcr.io', repository: 'acme/api', tag: '1.2' },
    ],
    [
      'localhost:5000/app',
      { host: 'localhost:5000', repository: 'app', tag: 'latest' },
    ],
    [
      `quay.io/org/app@sha256:${'a'.repeat(64)}`,
      {
        host: 'quay.io',
        repository: 'org/app',
        digest: `sha256:${'a'.repeat(64)}`,
      },
    ],
    [
      `app:1@sha256:${'b'.repeat(64)}`,
      {
        host: 'docker.io',
        repository: 'library/app',
        tag: '1',
        digest: `sha256:${'b'.repeat(64)}`,
      },
    ],
  ])('%s', (reference, expected) => {
    expect(resolveImageReference(reference)).toEqual({
      tag: undefined,
      digest: undefined,
      ...expected,
    });
  });

  it.each([
    ['${BASE_IMAGE}', 'is not a literal image reference'],
    ['Upper/Case:1', 'invalid repository name'],
    ['app@md5:abc', 'unsupported digest'],
  ])('refuses %s', (reference, reason) => {
    expect(resolveImageReference(reference)).toEqual({
      error: expect.stringContaining(reason),
    });
  });
});

describe('registry configuration', () => {
  it('serves docker.io from registry-1.docker.io under any of its names', () => {
    expect(apiHostOf('docker.io')).toBe('registry-1.docker.io');
    expect(findRegistry([{ host: 'index.docker.io' }], 'docker.io')).toEqual({
      host: 'index.docker.io',
    });
    expect(findRegistry([{ host: 'ghcr.io' }], 'quay.io')).toBeUndefined();
  });

  it('uses plain HTTP only for loopback hosts marked insecure', () => {
    expect(baseUrlOf({ host: '127.0.0.1:5000', insecure: true })).toBe(
      'http://127.0.0.1:5000',
    );
    expect(baseUrlOf({ host: 'registry.internal:5000', insecure: true })).toBe(
      'https://registry.internal:5000',
    );
  });
});

describe('parseAuthChallenge', () => {
  it('reads quoted parameters, commas inside quotes included', () => {
    expect(
      parseAuthChallenge(
        'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/node:pull,push"',
      ),
    ).toEqual({
      scheme: 'bearer',
      params: {
        realm: 'https://auth.docker.io/token',
        service: 'registry.docker.io',
        scope: 'repository:library/node:pull,push',
      },
    });
    expect(parseAuthChallenge('Basic realm="Registry Realm"')).toEqual({
      scheme: 'basic',
      params: { realm: 'Registry Realm' },
    });
  });
});
