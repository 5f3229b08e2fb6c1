import {
  findRegistry,
  resolveImageReference,
  type ReferencedImage,
  type RegistryConfig,
} from '@container-scorecard/plugin-container-scorecard-node';

/** A reference the scan will not send to any registry, and why. */
export interface NotInspectedImage {
  reference: string;
  reason: string;
}

/**
 * Splits an entity's image references into those to inspect and those no registry will be asked
 * about: references that are not literal (`${IMAGE}`) or not valid, images on registries nobody
 * configured, and those past `maxImagesPerEntity`. Each of the latter keeps its reason, so a limit
 * ends in a visible state and never in a silent cut.
 */
export function planImageInspections(
  referenced: readonly ReferencedImage[],
  options: {
    registries: readonly RegistryConfig[];
    maxImagesPerEntity: number;
  },
): { toInspect: ReferencedImage[]; notInspected: NotInspectedImage[] } {
  const toInspect: ReferencedImage[] = [];
  const notInspected: NotInspectedImage[] = [];
  for (const image of referenced) {
    const resolved = resolveImageReference(image.reference);
    if ('error' in resolved) {
      notInspected.push({ reference: image.reference, reason: resolved.error });
    } else if (!findRegistry(options.registries, resolved.host)) {
      notInspected.push({
        reference: image.reference,
        reason: `${resolved.host} is not a configured registry`,
      });
    } else if (toInspect.length >= options.maxImagesPerEntity) {
      notInspected.push({
        reference: image.reference,
        reason: `more than ${options.maxImagesPerEntity} images (images.limits.maxImagesPerEntity)`,
      });
    } else {
      toInspect.push(image);
    }
  }
  return { toInspect, notInspected };
}
