import type { Config } from '@backstage/config';
import {
  validateImagesConfig,
  type ImagesConfig,
} from '@container-scorecard/plugin-container-scorecard-common';

/**
 * `containerScorecard.images`, validated like the CLI's `images` section (docs/images.md).
 * Inspection is off unless `enabled: true` and at least one registry is configured: the backend
 * must never contact a registry nobody listed.
 */
export function readImagesOptions(config: Config): {
  enabled: boolean;
  images?: ImagesConfig;
} {
  const value = config.getOptional('containerScorecard.images');
  const problems: string[] = [];
  const images = validateImagesConfig(value, problems);
  if (problems.length > 0) {
    throw new Error(
      `Invalid containerScorecard.images configuration:\n- ${problems.join(
        '\n- ',
      )}`,
    );
  }
  return {
    enabled: Boolean(images?.enabled && images.registries?.length),
    images,
  };
}
