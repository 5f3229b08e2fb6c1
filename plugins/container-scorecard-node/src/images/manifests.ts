import { InspectionError } from './inspectionError';

/** Media types of what a tag or digest may resolve to. */
export const MEDIA_TYPES = {
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  dockerList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
} as const;

/** Every manifest type we read, so the registry never falls back to schema 1. */
export const MANIFEST_ACCEPT = Object.values(MEDIA_TYPES).join(', ');

export interface Descriptor {
  mediaType?: string;
  digest: string;
  size: number;
  artifactType?: string;
  platform?: { os?: string; architecture?: string; variant?: string };
  annotations?: Record<string, string>;
}

export type ParsedManifest =
  | { kind: 'index'; manifests: Descriptor[] }
  | { kind: 'manifest'; config: Descriptor; layers: Descriptor[] };

/**
 * Reads a manifest or an index. The media type comes from the body when present (OCI allows it
 * to be absent), else from Content-Type; anything else (schema 1, an artifact we do not know)
 * is refused with its type named.
 */
export function parseManifest(
  body: Buffer,
  contentType: string | null,
): ParsedManifest {
  const json = parseJson(body, 'manifest');
  const mediaType =
    (typeof json.mediaType === 'string' ? json.mediaType : undefined) ??
    contentType?.split(';')[0].trim();
  if (
    mediaType === MEDIA_TYPES.ociIndex ||
    mediaType === MEDIA_TYPES.dockerList ||
    (mediaType === undefined && Array.isArray(json.manifests))
  ) {
    return { kind: 'index', manifests: descriptors(json.manifests, 'index') };
  }
  if (
    mediaType === MEDIA_TYPES.ociManifest ||
    mediaType === MEDIA_TYPES.dockerManifest ||
    (mediaType === undefined && json.config)
  ) {
    const [config] = descriptors([json.config], 'manifest config');
    return {
      kind: 'manifest',
      config,
      layers: descriptors(json.layers ?? [], 'layers'),
    };
  }
  throw new InspectionError(
    `unsupported manifest type ${mediaType ?? 'unknown'}`,
  );
}

export function parseJson(body: Buffer, what: string): Record<string, any> {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new InspectionError(`the ${what} is not valid JSON`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new InspectionError(`the ${what} is not a JSON object`);
  }
  return value as Record<string, any>;
}

function descriptors(value: unknown, what: string): Descriptor[] {
  if (!Array.isArray(value)) {
    throw new InspectionError(`the ${what} has no descriptor list`);
  }
  return value.map(item => {
    if (
      !item ||
      typeof item.digest !== 'string' ||
      !/^sha256:[a-f0-9]{64}$/.test(item.digest) ||
      typeof item.size !== 'number'
    ) {
      throw new InspectionError(`the ${what} holds a malformed descriptor`);
    }
    return item as Descriptor;
  });
}

/** `os/arch[/variant]`. */
export function platformName(platform: Descriptor['platform']): string {
  return [platform?.os, platform?.architecture, platform?.variant]
    .filter(Boolean)
    .join('/');
}

/**
 * The platforms an index really offers: BuildKit adds attestation manifests with platform
 * `unknown/unknown`, which are not runnable images.
 */
export function runnablePlatforms(manifests: Descriptor[]): Descriptor[] {
  return manifests.filter(
    m =>
      m.platform?.os &&
      m.platform.os !== 'unknown' &&
      m.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest',
  );
}

/** The entry for the wanted platform (`linux/amd64` by default), else the first runnable one. */
export function selectPlatform(
  manifests: Descriptor[],
  wanted: string,
): Descriptor | undefined {
  const runnable = runnablePlatforms(manifests);
  return (
    runnable.find(m => platformName(m.platform) === wanted) ??
    runnable.find(m => platformName(m.platform).startsWith(`${wanted}/`)) ??
    runnable[0]
  );
}
