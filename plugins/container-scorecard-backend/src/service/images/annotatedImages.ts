import type { Entity } from '@backstage/catalog-model';

/** Lists images for an entity that has no definitions of its own (or runs more than they say). */
export const IMAGES_ANNOTATION = 'container-scorecard.io/images';

/**
 * The images an entity names in `container-scorecard.io/images`: separated by commas, spaces or
 * new lines, duplicates dropped.
 */
export function annotatedImagesOf(entity: Entity): string[] {
  const value = entity.metadata.annotations?.[IMAGES_ANNOTATION] ?? '';
  return [...new Set(value.split(/[\s,]+/).filter(Boolean))];
}
