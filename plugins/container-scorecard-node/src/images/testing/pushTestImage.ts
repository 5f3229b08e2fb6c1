import { createHash } from 'node:crypto';
import { tarLayer } from './tarLayer';

/** What a test image's config says; absent fields are absent from the config blob. */
export interface TestImageSpec {
  user?: string;
  entrypoint?: string[];
  cmd?: string[];
  healthcheck?: string[];
  labels?: Record<string, string>;
  /** RFC 3339; defaults to now. */
  created?: string;
  /** Files per layer; one small layer by default. */
  layers?: Record<string, string | Buffer>[];
  os?: string;
  architecture?: string;
}

export interface PushedImage {
  /** Digest of the manifest (or index) the tag now points to. */
  digest: string;
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_CONFIG = 'application/vnd.oci.image.config.v1+json';
const OCI_LAYER = 'application/vnd.oci.image.layer.v1.tar+gzip';

function digestOf(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}

/** Monolithic blob upload: POST opens a session, PUT with `?digest=` completes it. */
export async function pushBlob(
  registryUrl: string,
  repository: string,
  body: Buffer,
): Promise<{ digest: string; size: number }> {
  const digest = digestOf(body);
  const start = await fetch(`${registryUrl}/v2/${repository}/blobs/uploads/`, {
    method: 'POST',
  });
  if (start.status !== 202) {
    throw new Error(`blob upload start answered ${start.status}`);
  }
  const location = new URL(start.headers.get('location')!, registryUrl);
  location.searchParams.set('digest', digest);
  const put = await fetch(location, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body,
  });
  if (put.status !== 201) {
    throw new Error(`blob upload answered ${put.status}: ${await put.text()}`);
  }
  return { digest, size: body.length };
}

/** PUT a manifest (by tag or digest) and return its digest. */
export async function pushManifest(
  registryUrl: string,
  repository: string,
  reference: string,
  mediaType: string,
  manifest: object,
): Promise<string> {
  const body = Buffer.from(JSON.stringify(manifest));
  const response = await fetch(
    `${registryUrl}/v2/${repository}/manifests/${reference}`,
    { method: 'PUT', headers: { 'content-type': mediaType }, body },
  );
  if (response.status !== 201) {
    throw new Error(
      `manifest PUT answered ${response.status}: ${await response.text()}`,
    );
  }
  return digestOf(body);
}

/** Pushes config and layers, then the manifest under `reference` (a tag or the digest). */
async function pushSinglePlatform(
  registryUrl: string,
  repository: string,
  reference: string | undefined,
  spec: TestImageSpec,
): Promise<{ digest: string; size: number }> {
  const layerFiles = spec.layers ?? [{ 'app/hello.txt': `${repository}\n` }];
  const layers = layerFiles.map(files => tarLayer(files));
  const layerDescriptors = [];
  for (const layer of layers) {
    const { digest, size } = await pushBlob(
      registryUrl,
      repository,
      layer.gzip,
    );
    layerDescriptors.push({ mediaType: OCI_LAYER, digest, size });
  }
  const config = {
    created: spec.created ?? new Date().toISOString(),
    architecture: spec.architecture ?? 'amd64',
    os: spec.os ?? 'linux',
    config: {
      ...(spec.user !== undefined ? { User: spec.user } : {}),
      ...(spec.entrypoint ? { Entrypoint: spec.entrypoint } : {}),
      ...(spec.cmd ? { Cmd: spec.cmd } : {}),
      ...(spec.healthcheck ? { Healthcheck: { Test: spec.healthcheck } } : {}),
      ...(spec.labels ? { Labels: spec.labels } : {}),
    },
    rootfs: {
      type: 'layers',
      diff_ids: layers.map(layer => digestOf(layer.tar)),
    },
  };
  const configBlob = await pushBlob(
    registryUrl,
    repository,
    Buffer.from(JSON.stringify(config)),
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, ...configBlob },
    layers: layerDescriptors,
  };
  const body = Buffer.from(JSON.stringify(manifest));
  const digest = digestOf(body);
  await pushManifest(
    registryUrl,
    repository,
    reference ?? digest,
    OCI_MANIFEST,
    manifest,
  );
  return { digest, size: body.length };
}

/** Pushes a single-platform image under `tag` (pushing again moves the tag). */
export async function pushTestImage(
  registryUrl: string,
  repository: string,
  tag: string,
  spec: TestImageSpec,
): Promise<PushedImage> {
  const { digest } = await pushSinglePlatform(
    registryUrl,
    repository,
    tag,
    spec,
  );
  return { digest };
}

/** Pushes one image per platform (by digest) and an OCI index naming them under `tag`. */
export async function pushMultiPlatformImage(
  registryUrl: string,
  repository: string,
  tag: string,
  platforms: Array<TestImageSpec & { os: string; architecture: string }>,
): Promise<PushedImage> {
  const manifests = [];
  for (const spec of platforms) {
    const pushed = await pushSinglePlatform(
      registryUrl,
      repository,
      undefined,
      spec,
    );
    manifests.push({
      mediaType: OCI_MANIFEST,
      ...pushed,
      platform: { os: spec.os, architecture: spec.architecture },
    });
  }
  const digest = await pushManifest(registryUrl, repository, tag, OCI_INDEX, {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests,
  });
  return { digest };
}

/**
 * Attaches a cosign-style signature: an OCI manifest with a simple-signing layer, tagged
 * `sha256-<hex>.sig` as cosign does on registries without the referrers API.
 */
export async function pushCosignSignature(
  registryUrl: string,
  repository: string,
  signedDigest: string,
  suffix: 'sig' | 'sbom' | 'att' = 'sig',
): Promise<void> {
  const payload = Buffer.from(
    JSON.stringify({
      critical: {
        identity: { 'docker-reference': repository },
        image: { 'docker-manifest-digest': signedDigest },
        type: 'cosign container image signature',
      },
      optional: null,
    }),
  );
  const layer = await pushBlob(registryUrl, repository, payload);
  const config = await pushBlob(registryUrl, repository, Buffer.from('{}'));
  await pushManifest(
    registryUrl,
    repository,
    `${signedDigest.replace(':', '-')}.${suffix}`,
    OCI_MANIFEST,
    {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      config: { mediaType: OCI_CONFIG, ...config },
      layers: [
        {
          mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
          ...layer,
          annotations: { 'dev.cosignproject.cosign/signature': 'MEUCIQ…' },
        },
      ],
    },
  );
}
