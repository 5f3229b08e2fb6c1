import {
  SEVERITIES,
  type FileResult,
  type ImageResult,
  type ScorecardConfig,
  type Severity,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  inspectAndScoreImages,
  mergeRegistries,
  readDockerConfigAuths,
} from '../images';

/**
 * `--inspect-images`: the registries of the configuration file's `images.registries`, with
 * credentials from `~/.docker/config.json` where the file has none (and the registries only the
 * Docker config names). Nothing else is contacted.
 */
export async function inspectImagesForCli(
  results: readonly FileResult[],
  config: ScorecardConfig,
  env: Record<string, string | undefined>,
): Promise<ImageResult[]> {
  const registries = mergeRegistries(
    config.images?.registries ?? [],
    await readDockerConfigAuths(env),
  );
  return inspectAndScoreImages({ results, config: config.images, registries });
}

/**
 * `--fail-on` counts image findings like file findings. `--fail-below` stays about the
 * definitions' score: images have their own scores, shown per image.
 */
export function imageThresholdFailures(
  images: readonly ImageResult[] | undefined,
  options: { failOn?: Severity },
): string[] {
  if (!images || options.failOn === undefined) return [];
  const worst = SEVERITIES.slice(0, SEVERITIES.indexOf(options.failOn) + 1);
  const count = images.reduce(
    (sum, image) => sum + worst.reduce((n, s) => n + image.counts[s], 0),
    0,
  );
  return count > 0
    ? [
        `${count} image finding${count === 1 ? '' : 's'} at severity ${
          options.failOn
        } or worse (--fail-on ${options.failOn})`,
      ]
    : [];
}
