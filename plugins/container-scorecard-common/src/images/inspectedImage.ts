/**
 * What a registry told us about one image: the parts of its manifest and config the image rules
 * read. Built by the Node registry client; plain data so the rules stay pure and run anywhere.
 *
 * @public
 */
export interface InspectedImage {
  /** The reference as the definition or annotation wrote it (`node:22`, `ghcr.io/acme/api@sha256:…`). */
  reference: string;
  /** The registry host the image was read from (`registry-1.docker.io`, `ghcr.io`). */
  registry: string;
  /** Repository path, with `library/` for Docker Hub's official images. */
  repository: string;
  /** The tag, when the reference names one. */
  tag?: string;
  /** True when the reference pins a digest (`@sha256:…`): then a moved tag cannot matter. */
  pinnedByDigest: boolean;
  /** Digest of what the reference resolves to: the index for multi-platform images. */
  digest: string;
  /** Digest of the platform manifest whose config was read (equals `digest` for single-platform). */
  manifestDigest: string;
  /** `os/architecture[/variant]` of every platform the image offers (attestation entries excluded). */
  platforms: string[];
  /** The platform whose config was read. */
  platform: string;
  config: InspectedImageConfig;
  /** Sum of the compressed layer sizes, in bytes. */
  compressedSize: number;
  layerCount: number;
  /** Signatures and SBOMs found through the referrers API or the cosign tag scheme. */
  supplyChain?: ImageSupplyChain;
  /** Why the supply-chain lookup failed, when it did (the rest of the image was still read). */
  supplyChainError?: string;
}

/**
 * The runtime configuration baked into an image (the `config` object of its config blob).
 *
 * @public
 */
export interface InspectedImageConfig {
  /** `User` as written (`""` or absent means root). */
  user?: string;
  entrypoint?: string[];
  cmd?: string[];
  /** `Healthcheck.Test`, e.g. `["CMD-SHELL", "curl -f …"]` or `["NONE"]`. */
  healthcheck?: string[];
  labels: Record<string, string>;
  /** The `created` timestamp (RFC 3339), when the builder wrote one. */
  created?: string;
  os?: string;
  architecture?: string;
}

/**
 * Supply-chain artifacts attached to an image.
 *
 * @public
 */
export interface ImageSupplyChain {
  signed: boolean;
  sbom: boolean;
  attestation: boolean;
  /** How they were looked up: the OCI referrers API, or cosign's `sha256-<hex>.sig` tags. */
  via: 'referrers' | 'cosign-tags';
}

/**
 * The outcome of inspecting one reference: the image, or why it could not be read. A failed
 * inspection never changes the scores of the definitions that name the image.
 *
 * @public
 */
export type ImageInspection =
  | { status: 'inspected'; reference: string; image: InspectedImage }
  | { status: 'failed'; reference: string; reason: string };
