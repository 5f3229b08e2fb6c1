/**
 * Bounds on what inspecting images may cost. Every bound ends in a "could not inspect" result
 * or a note the user sees, never in a silent cut.
 *
 * @public
 */
export interface ImageInspectionLimits {
  /** Largest manifest or index accepted, in bytes (the OCI spec suggests registries accept 4 MiB). */
  maxManifestBytes: number;
  /** Largest config blob accepted, in bytes. */
  maxConfigBytes: number;
  /** Images inspected per entity; the rest are reported as not inspected. */
  maxImagesPerEntity: number;
  /** Per request, including the token request. */
  requestTimeoutMs: number;
  /** Longest `Retry-After` we wait for; a registry asking for more fails the image with its wait. */
  maxRetryAfterSeconds: number;
  /** Retries after a 429 or 503. */
  maxRetries: number;
}

/** @public */
export const DEFAULT_IMAGE_INSPECTION_LIMITS: ImageInspectionLimits = {
  maxManifestBytes: 4 * 1024 * 1024,
  maxConfigBytes: 1024 * 1024,
  maxImagesPerEntity: 20,
  requestTimeoutMs: 15_000,
  maxRetryAfterSeconds: 10,
  maxRetries: 2,
};
