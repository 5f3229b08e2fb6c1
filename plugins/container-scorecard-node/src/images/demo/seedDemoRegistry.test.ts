import type { ImageResult } from '@container-scorecard/plugin-container-scorecard-common';
import { inspectAndScoreImages } from '../inspectAndScoreImages';
import {
  startTestRegistry,
  type TestRegistry,
} from '../testing/startTestRegistry';
import { seedDemoRegistry } from './seedDemoRegistry';

jest.setTimeout(120_000);

describe('seedDemoRegistry against the real distribution registry', () => {
  let registry: TestRegistry;
  beforeAll(async () => {
    registry = await startTestRegistry();
  });
  afterAll(async () => {
    await registry?.stop();
  });

  it('seeds images that show root and age, a clean signed image and an unsigned multi-platform one', async () => {
    const seeded = await seedDemoRegistry(registry.url, registry.host);
    expect(seeded.every(image => image.pushed)).toBe(true);
    const images = await inspectAndScoreImages({
      results: [],
      annotatedImages: seeded.map(image => image.reference),
      config: undefined,
      registries: [{ host: registry.host, insecure: true }],
    });
    const byName: Record<string, ImageResult> = Object.fromEntries(
      images.map(image => [image.reference.split('/').pop(), image]),
    );
    const ruleIds = (name: string) =>
      byName[name].findings.map(f => f.ruleId).sort();

    expect(ruleIds('legacy-billing-portal:2017.4')).toEqual([
      'image-missing-provenance-labels',
      'image-not-signed',
      'image-runs-as-root',
      'image-shell-form-entrypoint',
      'image-too-old',
      'image-without-healthcheck',
      'image-without-sbom',
    ]);
    expect(byName['shipment-tracker-api:1.8.0']).toMatchObject({
      status: 'inspected',
      user: '65532:65532',
      signed: true,
      score: 100,
      findings: [],
    });
    expect(byName['storefront-web:3.2.1']).toMatchObject({
      status: 'inspected',
      platforms: ['linux/amd64', 'linux/arm64'],
      user: '101',
      signed: false,
    });
    expect(ruleIds('storefront-web:3.2.1')).toEqual([
      'image-not-signed',
      'image-without-sbom',
    ]);
    for (const image of images)
      expect(image.digest).toBe(
        seeded.find(s => s.reference === image.reference)?.digest,
      );
  });

  it('leaves tags that are there alone when seeded again, so digests and ages stay', async () => {
    const first = await seedDemoRegistry(registry.url, registry.host);
    const again = await seedDemoRegistry(registry.url, registry.host);
    expect(again.map(image => image.pushed)).toEqual([false, false, false]);
    expect(again.map(image => image.digest)).toEqual(
      first.map(image => image.digest),
    );
  });

  it('fails with the registry named when it cannot be reached', async () => {
    await expect(
      seedDemoRegistry('http://127.0.0.1:9', '127.0.0.1:9'),
    ).rejects.toThrow(
      /^could not reach the demo registry at http:\/\/127\.0\.0\.1:9: (?!fetch failed)/,
    );
  });
});
