import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import type { FileResult } from '@container-scorecard/plugin-container-scorecard-common';
import { createHash } from 'node:crypto';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { annotatedImagesOf } from './annotatedImages';
import { createImageInspectionService } from './createImageInspectionService';

// The registry client is tested against the real distribution registry in the node package;
// here msw answers at the network edge to prove the backend's configuration and wiring.
const config = Buffer.from(
  JSON.stringify({ os: 'linux', architecture: 'amd64', config: {} }),
);
const digest = (body: Buffer) =>
  `sha256:${createHash('sha256').update(body).digest('hex')}`;
const manifest = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { digest: digest(config), size: config.length },
    layers: [],
  }),
);
let blobReads = 0;
const server = setupServer(
  http.get('https://registry.test/v2/team/api/manifests/:ref', ({ params }) =>
    params.ref === '1'
      ? new HttpResponse(manifest, {
          headers: {
            'content-type': 'application/vnd.oci.image.manifest.v1+json',
          },
        })
      : new HttpResponse(null, { status: 404 }),
  ),
  http.head(
    'https://registry.test/v2/team/api/manifests/:ref',
    () => new HttpResponse(null, { status: 404 }),
  ),
  http.get(
    'https://registry.test/v2/team/api/referrers/:digest',
    () => new HttpResponse(null, { status: 404 }),
  ),
  http.get(`https://registry.test/v2/team/api/blobs/${digest(config)}`, () => {
    blobReads++;
    return new HttpResponse(config);
  }),
);
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const entity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'api',
    annotations: {
      'container-scorecard.io/images':
        'registry.test/team/api:1, registry.test/team/api:1\nquay.io/x/y:2',
    },
  },
};
const compose: FileResult = {
  path: 'compose.yaml',
  kind: 'compose',
  status: 'analysed',
  findings: [],
  counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  suppressedCount: 0,
  images: [{ ref: 'registry.test/team/api:1', line: 3 }],
  rulesetVersion: 'x',
};

describe('createImageInspectionService', () => {
  it('reads the annotation as a list', () => {
    expect(annotatedImagesOf(entity)).toEqual([
      'registry.test/team/api:1',
      'quay.io/x/y:2',
    ]);
  });

  it('is off unless enabled with registries, and contacts nothing then', async () => {
    for (const images of [
      undefined,
      { registries: [{ host: 'registry.test' }] },
      { enabled: true },
    ]) {
      const service = createImageInspectionService(
        new ConfigReader({ containerScorecard: { images } }),
      );
      expect(service.enabled).toBe(false);
      expect(
        await service.inspectEntity({
          entity,
          results: [compose],
          budgetMs: 10_000,
        }),
      ).toBeUndefined();
    }
  });

  it('inspects definition and annotation images from configured registries only', async () => {
    const service = createImageInspectionService(
      new ConfigReader({
        containerScorecard: {
          images: {
            enabled: true,
            registries: [{ host: 'registry.test' }],
            rules: { 'image-not-signed': { enabled: false } },
          },
        },
      }),
    );
    const outcome = await service.inspectEntity({
      entity,
      results: [compose],
      previousDigests: new Map([
        ['registry.test/team/api:1', `sha256:${'0'.repeat(64)}`],
      ]),
      budgetMs: 10_000,
    });
    const results = outcome!.results;
    expect(results.map(r => [r.reference, r.status, r.usedBy])).toEqual([
      ['registry.test/team/api:1', 'inspected', ['compose', 'annotation']],
    ]);
    // No registry is asked about an image on a registry nobody configured.
    expect(outcome!.notInspected).toEqual([
      {
        reference: 'quay.io/x/y:2',
        reason: 'quay.io is not a configured registry',
      },
    ]);
    expect(results[0].findings.map(f => f.ruleId)).toEqual([
      'image-runs-as-root',
      'image-without-healthcheck',
      'image-missing-provenance-labels',
      'image-without-sbom',
      'image-tag-moved',
    ]);

    // The config blob is cached by digest across entities; the tag is resolved again.
    await service.inspectEntity({ entity, results: [], budgetMs: 10_000 });
    expect(blobReads).toBe(1);
  });

  it('turns registry faults into could-not-inspect results with their reason', async () => {
    const manifestFor = (configBody: Buffer, size = configBody.length) =>
      Buffer.from(
        JSON.stringify({
          schemaVersion: 2,
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          config: { digest: digest(configBody), size },
          layers: [],
        }),
      );
    const huge = Buffer.from(
      JSON.stringify({ config: {}, padding: 'x'.repeat(4096) }),
    );
    const manifestHeaders = {
      'content-type': 'application/vnd.oci.image.manifest.v1+json',
    };
    server.use(
      http.get(
        'https://faulty.test/v2/team/locked/manifests/1',
        () =>
          new HttpResponse(null, {
            status: 401,
            headers: { 'www-authenticate': 'Basic realm="faulty"' },
          }),
      ),
      http.get(
        'https://faulty.test/v2/team/broken/manifests/1',
        () => new HttpResponse('oops', { status: 500 }),
      ),
      http.get(
        'https://faulty.test/v2/team/gone/manifests/1',
        () => new HttpResponse(null, { status: 404 }),
      ),
      http.get(
        'https://faulty.test/v2/team/huge/manifests/1',
        () => new HttpResponse(manifestFor(huge), { headers: manifestHeaders }),
      ),
      http.get(
        `https://faulty.test/v2/team/huge/blobs/${digest(huge)}`,
        () => new HttpResponse(huge),
      ),
      http.get(
        'https://faulty.test/v2/team/truncated/manifests/1',
        () =>
          new HttpResponse(manifestFor(config), { headers: manifestHeaders }),
      ),
      http.get(
        `https://faulty.test/v2/team/truncated/blobs/${digest(config)}`,
        () => new HttpResponse(config.subarray(0, 10)),
      ),
    );
    const service = createImageInspectionService(
      new ConfigReader({
        containerScorecard: {
          images: {
            enabled: true,
            registries: [{ host: 'faulty.test' }],
            limits: { maxConfigBytes: 1024 },
          },
        },
      }),
    );
    const references = ['locked', 'broken', 'gone', 'huge', 'truncated'].map(
      name => `faulty.test/team/${name}:1`,
    );
    const outcome = await service.inspectEntity({
      entity: {
        ...entity,
        metadata: {
          name: 'faulty',
          annotations: {
            'container-scorecard.io/images': references.join(','),
          },
        },
      },
      results: [],
      budgetMs: 60_000,
    });
    const reasons = Object.fromEntries(
      outcome!.results.map(r => [r.reference, r.reason]),
    );
    expect(outcome!.results.every(r => r.status === 'failed')).toBe(true);
    expect(outcome!.results.every(r => r.score === undefined)).toBe(true);
    expect(outcome!.results.every(r => r.findings.length === 0)).toBe(true);
    expect(reasons[references[0]]).toMatch(/requires credentials/);
    expect(reasons[references[1]]).toMatch(/answered 500 for the manifest/);
    expect(reasons[references[2]]).toMatch(/was not found \(404\)/);
    expect(reasons[references[3]]).toMatch(/over the 1024-byte limit/);
    expect(reasons[references[4]]).toMatch(/does not match its digest/);
  });

  it('refuses an invalid images section at start-up', () => {
    expect(() =>
      createImageInspectionService(
        new ConfigReader({
          containerScorecard: { images: { registries: [{}] } },
        }),
      ),
    ).toThrow('images.registries[0].host is required');
  });
});
