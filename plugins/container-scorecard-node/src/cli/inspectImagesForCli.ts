import {
  aggregateFileResults,
  imageRules,
  imageRuleSettingsOf,
  SEVERITIES,
  settleBaseImageUsers,
  type BaseImageUserSettlement,
  type ImageResult,
  type ScorecardConfig,
  type Severity,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { Analysis } from './analyzeTargets';
import {
  imageRuleMetadata,
  type ImageRuleMetadata,
} from './formats/images/imageRuleMetadata';
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
  analysis: Analysis,
  config: ScorecardConfig,
  env: Record<string, string | undefined>,
): Promise<{
  images: ImageResult[];
  /** The analysis with what the registry settled (docs/images.md), re-aggregated. */
  analysis: Analysis;
  settlements: BaseImageUserSettlement[];
  imageRules: ImageRuleMetadata[];
}> {
  const registries = mergeRegistries(
    config.images?.registries ?? [],
    await readDockerConfigAuths(env),
  );
  const images = await inspectAndScoreImages({
    results: analysis.results,
    config: config.images,
    registries,
  });
  const settled = settleBaseImageUsers(analysis.results, images);
  const { disabledRules = [] } = imageRuleSettingsOf(config.images);
  return {
    images,
    analysis: {
      ...analysis,
      results: settled.results,
      aggregate: aggregateFileResults(settled.results),
    },
    settlements: settled.settlements,
    imageRules: imageRules
      .filter(rule => !disabledRules.includes(rule.id))
      .map(imageRuleMetadata),
  };
}

/**
 * `--fail-on` counts image findings like file findings. `--fail-below` applies to each inspected
 * image's own score as it does to the definitions' score: an image below the threshold fails the
 * run. Images are not folded into the definitions' score, which stays the number the portal
 * shows for the definitions. Images that could not be inspected fail neither: they have no
 * score, and the reason is reported.
 */
export function imageThresholdFailures(
  images: readonly ImageResult[] | undefined,
  options: { failOn?: Severity; failBelow?: number },
): string[] {
  if (!images) return [];
  const failures: string[] = [];
  if (options.failBelow !== undefined) {
    const below = images.filter(
      image =>
        image.status === 'inspected' &&
        image.score !== undefined &&
        image.score < options.failBelow!,
    );
    if (below.length > 0)
      failures.push(
        `image${below.length === 1 ? '' : 's'} ${below
          .map(image => `${image.reference} (score ${image.score})`)
          .join(', ')} below --fail-below ${options.failBelow}`,
      );
  }
  if (options.failOn !== undefined) {
    const worst = SEVERITIES.slice(0, SEVERITIES.indexOf(options.failOn) + 1);
    const count = images.reduce(
      (sum, image) => sum + worst.reduce((n, s) => n + image.counts[s], 0),
      0,
    );
    if (count > 0)
      failures.push(
        `${count} image finding${count === 1 ? '' : 's'} at severity ${
          options.failOn
        } or worse (--fail-on ${options.failOn})`,
      );
  }
  return failures;
}
