import type { InspectedImage } from '@container-scorecard/plugin-container-scorecard-common';
import { createImageInspector } from './createImageInspector';
import { startTestRegistry, TestRegistry } from './testing/startTestRegistry';
import {
  pushCosignSignature,
  pushMultiPlatformImage,
  pushTestImage,
} from './testing/pushTestImage';

jest.setTimeout(60_000);

describe('createImageInspector against the real distribution registry', () => {
  let registry: TestRegistry;
  const inspector = () =>
    createImageInspector({
      registries: [{ host: registry.host, insecure: true }],
    });

  async function inspected(reference: string): Promise<InspectedImage> {
    const result = await inspector().inspect(reference);
    if (result.status !== 'inspected') throw new Error(result.reason);
    return result.image;
  }

  beforeAll(async () => {
    registry = await startTestRegistry();
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('reads user, entrypoint, labels, age, size and layers from a single-platform image', async () => {
    const pushed = await pushTestImage(registry.url, 'team/api', '1.0', {
      user: '10001',
      entrypoint: ['/app/server'],
      healthcheck: ['CMD', '/app/server', '--health'],
      labels: { 'org.opencontainers.image.source': 'https://example.com/api' },
      created: '2024-01-02T03:04:05Z',
      layers: [{ 'a.txt': 'a' }, { 'b.txt': 'b'.repeat(5000) }],
    });
    const image = await inspected(`${registry.host}/team/api:1.0`);
    expect(image).toMatchObject({
      registry: registry.host,
      repository: 'team/api',
      tag: '1.0',
      pinnedByDigest: false,
      digest: pushed.digest,
      manifestDigest: pushed.digest,
      platforms: ['linux/amd64'],
      platform: 'linux/amd64',
      layerCount: 2,
      config: {
        user: '10001',
        entrypoint: ['/app/server'],
        healthcheck: ['CMD', '/app/server', '--health'],
        labels: {
          'org.opencontainers.image.source': 'https://example.com/api',
        },
        created: '2024-01-02T03:04:05Z',
      },
      supplyChain: { signed: false, sbom: false, via: 'cosign-tags' },
    });
    expect(image.compressedSize).toBeGreaterThan(100);
  });

  it('lists the platforms of an index and reads the linux/amd64 config', async () => {
    const pushed = await pushMultiPlatformImage(
      registry.url,
      'team/multi',
      '2',
      [
        { os: 'linux', architecture: 'arm64', user: 'arm' },
        { os: 'linux', architecture: 'amd64', user: 'amd' },
      ],
    );
    const image = await inspected(`${registry.host}/team/multi:2`);
    expect(image.platforms).toEqual(['linux/arm64', 'linux/amd64']);
    expect(image.config.user).toBe('amd');
    expect(image.digest).toBe(pushed.digest);
    expect(image.manifestDigest).not.toBe(pushed.digest);
  });

  it('finds a cosign signature tag for the digest the tag resolves to', async () => {
    const pushed = await pushTestImage(registry.url, 'team/signed', 'v1', {
      user: 'app',
    });
    await pushCosignSignature(registry.url, 'team/signed', pushed.digest);
    await pushCosignSignature(
      registry.url,
      'team/signed',
      pushed.digest,
      'sbom',
    );
    const image = await inspected(`${registry.host}/team/signed:v1`);
    expect(image.supplyChain).toEqual({
      signed: true,
      sbom: true,
      attestation: false,
      via: 'cosign-tags',
    });
  });

  it('sees a moved tag as a new digest and reads a digest-pinned reference', async () => {
    const first = await pushTestImage(registry.url, 'team/moving', 'stable', {
      user: 'a',
    });
    const before = await inspected(`${registry.host}/team/moving:stable`);
    await pushTestImage(registry.url, 'team/moving', 'stable', { user: 'b' });
    const after = await inspected(`${registry.host}/team/moving:stable`);
    expect(before.digest).toBe(first.digest);
    expect(after.digest).not.toBe(before.digest);
    expect(after.config.user).toBe('b');
    const pinned = await inspected(
      `${registry.host}/team/moving@${first.digest}`,
    );
    expect(pinned).toMatchObject({
      pinnedByDigest: true,
      config: { user: 'a' },
    });
  });

  it('reports what could not be inspected, with the reason', async () => {
    const results = await createImageInspector({
      registries: [{ host: registry.host, insecure: true }],
      limits: { maxImagesPerEntity: 2 },
    }).inspectAll([
      `${registry.host}/team/absent:1`,
      'ghcr.io/acme/api:1',
      `${registry.host}/team/api:1.0`,
      `${registry.host}/team/absent:1`,
    ]);
    expect(results).toEqual([
      {
        status: 'failed',
        reference: `${registry.host}/team/absent:1`,
        reason: 'team/absent:1 was not found (404)',
      },
      {
        status: 'failed',
        reference: 'ghcr.io/acme/api:1',
        reason: 'ghcr.io is not a configured registry',
      },
      {
        status: 'failed',
        reference: `${registry.host}/team/api:1.0`,
        reason: 'not inspected: more than 2 images (maxImagesPerEntity)',
      },
    ]);
  });

  it('refuses a config over the size limit', async () => {
    await pushTestImage(registry.url, 'team/labels', '1', {
      labels: { big: 'x'.repeat(4096) },
    });
    const result = await createImageInspector({
      registries: [{ host: registry.host, insecure: true }],
      limits: { maxConfigBytes: 1024 },
    }).inspect(`${registry.host}/team/labels:1`);
    expect(result).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(
        /image config is \d+ bytes, over the 1024-byte limit/,
      ),
    });
  });
});
