import { createHash } from 'node:crypto';
import type {
  ImageInspection,
  InspectedImage,
  InspectedImageConfig,
} from '@container-scorecard/plugin-container-scorecard-common';
import { DigestCache } from './digestCache';
import { readImageConfig } from './imageConfig';
import { resolveImageReference } from './imageReference';
import { InspectionError } from './inspectionError';
import {
  DEFAULT_IMAGE_INSPECTION_LIMITS,
  ImageInspectionLimits,
} from './limits';
import {
  MANIFEST_ACCEPT,
  ParsedManifest,
  parseManifest,
  platformName,
  runnablePlatforms,
  selectPlatform,
} from './manifests';
import { RegistryConfig, apiHostOf, findRegistry } from './registryConfig';
import { RegistryHttp } from './registryHttp';
import { findSupplyChain } from './supplyChain';

/** @public */
export interface ImageInspectorOptions {
  registries: readonly RegistryConfig[];
  limits?: Partial<ImageInspectionLimits>;
  /** The platform whose config is read from multi-platform images; `linux/amd64` by default. */
  platform?: string;
  /** For tests: how `Retry-After` waits. */
  sleep?: (ms: number) => Promise<void>;
}

/** @public */
export interface ImageInspector {
  inspect(reference: string): Promise<ImageInspection>;
  /**
   * Inspects an entity's references, each distinct one once, at most `maxImagesPerEntity` of
   * them; the rest are reported as not inspected with the limit named.
   */
  inspectAll(references: readonly string[]): Promise<ImageInspection[]>;
}

/**
 * Reads images through the OCI Distribution API from the configured registries only. Manifests
 * and configs are cached by digest for the inspector's lifetime; every failure becomes a
 * `failed` inspection with its reason, never an exception.
 *
 * @public
 */
export function createImageInspector(
  options: ImageInspectorOptions,
): ImageInspector {
  const limits = { ...DEFAULT_IMAGE_INSPECTION_LIMITS, ...options.limits };
  const wantedPlatform = options.platform ?? 'linux/amd64';
  const clients = new Map<string, RegistryHttp>();
  const manifests = new DigestCache<ParsedManifest>();
  const configs = new DigestCache<InspectedImageConfig>();

  const clientFor = (host: string): RegistryHttp => {
    const registry = findRegistry(options.registries, host);
    if (!registry) {
      throw new InspectionError(`${host} is not a configured registry`);
    }
    const key = apiHostOf(registry.host);
    let client = clients.get(key);
    if (!client) {
      client = new RegistryHttp(registry, limits, options.sleep);
      clients.set(key, client);
    }
    return client;
  };

  async function getManifest(
    http: RegistryHttp,
    repository: string,
    reference: string,
  ): Promise<{ digest: string; manifest: ParsedManifest }> {
    const byDigest = reference.startsWith('sha256:');
    const cached = byDigest ? manifests.get(reference) : undefined;
    if (cached) return { digest: reference, manifest: cached };
    const response = await http.request({
      path: `/v2/${repository}/manifests/${reference}`,
      accept: MANIFEST_ACCEPT,
      repository,
      maxBytes: limits.maxManifestBytes,
      what: 'manifest',
    });
    if (response.status === 404) {
      throw new InspectionError(
        `${repository}:${reference} was not found (404)`,
      );
    }
    if (response.status !== 200) {
      throw new InspectionError(
        `the registry answered ${response.status} for the manifest of ${repository}:${reference}`,
      );
    }
    const computed = sha256(response.body);
    if (byDigest && computed !== reference) {
      throw new InspectionError(
        `the manifest does not match its digest ${reference}`,
      );
    }
    const manifest = parseManifest(
      response.body,
      response.headers.get('content-type'),
    );
    // The digest of the bytes we read, not the header: it is what `@sha256:` pins would name.
    manifests.set(computed, manifest);
    return { digest: computed, manifest };
  }

  async function getConfig(
    http: RegistryHttp,
    repository: string,
    digest: string,
  ): Promise<InspectedImageConfig> {
    const cached = configs.get(digest);
    if (cached) return cached;
    const response = await http.request({
      path: `/v2/${repository}/blobs/${digest}`,
      repository,
      maxBytes: limits.maxConfigBytes,
      what: 'image config',
    });
    if (response.status !== 200) {
      throw new InspectionError(
        `the registry answered ${response.status} for the config blob of ${repository}`,
      );
    }
    if (sha256(response.body) !== digest) {
      throw new InspectionError(
        'the image config does not match its digest (truncated or altered)',
      );
    }
    const config = readImageConfig(response.body);
    configs.set(digest, config);
    return config;
  }

  async function inspectOrThrow(reference: string): Promise<InspectedImage> {
    const resolved = resolveImageReference(reference);
    if ('error' in resolved) throw new InspectionError(resolved.error);
    const http = clientFor(resolved.host);
    const { repository } = resolved;
    const top = await getManifest(
      http,
      repository,
      resolved.digest ?? resolved.tag ?? 'latest',
    );
    let platforms: string[];
    let manifestDigest = top.digest;
    let manifest = top.manifest;
    if (manifest.kind === 'index') {
      const chosen = selectPlatform(manifest.manifests, wantedPlatform);
      if (!chosen)
        throw new InspectionError('the image index lists no runnable platform');
      platforms = runnablePlatforms(manifest.manifests).map(m =>
        platformName(m.platform),
      );
      const platformManifest = await getManifest(
        http,
        repository,
        chosen.digest,
      );
      if (platformManifest.manifest.kind !== 'manifest') {
        throw new InspectionError('the image index points to another index');
      }
      manifestDigest = platformManifest.digest;
      manifest = platformManifest.manifest;
    } else {
      platforms = [];
    }
    const config = await getConfig(http, repository, manifest.config.digest);
    const platform =
      platformName({ os: config.os, architecture: config.architecture }) ||
      'unknown';
    if (platforms.length === 0) platforms = [platform];
    let supplyChain: InspectedImage['supplyChain'];
    let supplyChainError: string | undefined;
    try {
      supplyChain = await findSupplyChain(
        http,
        repository,
        top.digest,
        limits.maxManifestBytes,
      );
    } catch (error) {
      supplyChainError = error instanceof Error ? error.message : String(error);
    }
    return {
      reference,
      registry: apiHostOf(resolved.host),
      repository,
      ...(resolved.tag ? { tag: resolved.tag } : {}),
      pinnedByDigest: Boolean(resolved.digest),
      digest: top.digest,
      manifestDigest,
      platforms,
      platform,
      config,
      compressedSize: manifest.layers.reduce(
        (sum, layer) => sum + layer.size,
        0,
      ),
      layerCount: manifest.layers.length,
      ...(supplyChain ? { supplyChain } : {}),
      ...(supplyChainError ? { supplyChainError } : {}),
    };
  }

  async function inspect(reference: string): Promise<ImageInspection> {
    try {
      return {
        status: 'inspected',
        reference,
        image: await inspectOrThrow(reference),
      };
    } catch (error) {
      const reason =
        error instanceof InspectionError
          ? error.message
          : `unexpected error: ${
              error instanceof Error ? error.message : String(error)
            }`;
      return { status: 'failed', reference, reason };
    }
  }

  return {
    inspect,
    async inspectAll(references) {
      const distinct = [...new Set(references)];
      const results: ImageInspection[] = [];
      // One at a time: registries rate-limit per client, and a scan has many entities.
      for (const [index, reference] of distinct.entries()) {
        results.push(
          index < limits.maxImagesPerEntity
            ? await inspect(reference)
            : {
                status: 'failed',
                reference,
                reason: `not inspected: more than ${limits.maxImagesPerEntity} images (maxImagesPerEntity)`,
              },
        );
      }
      return results;
    },
  };
}

function sha256(body: Buffer): string {
  return `sha256:${createHash('sha256').update(body).digest('hex')}`;
}
