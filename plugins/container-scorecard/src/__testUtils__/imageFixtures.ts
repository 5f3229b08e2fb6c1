import {
  SEVERITIES,
  imageRules,
  scoreImages,
  type EntityImages,
  type EntityScorecard,
  type InspectedImage,
  type RuleCatalogue,
  type RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import { analysedScorecard, ruleCatalogue } from './fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;

export const ROOT_IMAGE_DIGEST =
  'sha256:4f1c8a2b9d3e7f60a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718';

/**
 * An image as the registry client would describe it: checkout-api's base, built `ageDays` ago,
 * running as root, unsigned, 182.4 MiB in 9 layers on two platforms.
 */
function rootImage(now: Date, ageDays: number): InspectedImage {
  return {
    reference: 'registry.example.com/northwind/checkout-api:1.4',
    registry: 'registry.example.com',
    repository: 'northwind/checkout-api',
    tag: '1.4',
    pinnedByDigest: false,
    digest: ROOT_IMAGE_DIGEST,
    manifestDigest: ROOT_IMAGE_DIGEST,
    platforms: ['linux/amd64', 'linux/arm64'],
    platform: 'linux/amd64',
    config: {
      user: '',
      cmd: ['node', 'server.js'],
      labels: {},
      // Two hours past the day boundary, so a slow test never reads a day less.
      created: new Date(
        now.getTime() - ageDays * DAY_MS - 2 * 60 * 60 * 1000,
      ).toISOString(),
    },
    compressedSize: Math.round(182.4 * 1024 * 1024),
    layerCount: 9,
    supplyChain: {
      signed: false,
      sbom: false,
      attestation: false,
      via: 'cosign-tags',
    },
  };
}

/**
 * Images of checkout-api, scored by the real image rules: one inspected (root, old, unsigned),
 * one the registry refused, one over the per-entity limit.
 */
export function checkoutImages(now = new Date()): EntityImages {
  const image = rootImage(now, 412);
  return {
    inspectedAt: now.toISOString(),
    results: scoreImages(
      [
        {
          inspection: {
            status: 'inspected',
            reference: image.reference,
            image,
          },
          usedBy: ['dockerfile', 'kubernetes'],
        },
        {
          inspection: {
            status: 'failed',
            reference: 'ghcr.io/northwind/sidecar:2',
            reason:
              'ghcr.io refused the credentials (401) for northwind/sidecar',
          },
          usedBy: ['compose'],
        },
      ],
      { now },
    ),
    notInspected: [
      {
        reference: '${PROXY_IMAGE}',
        reason: 'the reference holds an unresolved variable',
      },
    ],
  };
}

/**
 * checkout-api's scorecard with its images. As the backend does (countsWithImages), the entity's
 * counts include its images' findings while its score stays the definitions'.
 */
export function scorecardWithImages(
  images: EntityImages | undefined,
): EntityScorecard {
  if (!images) return analysedScorecard;
  const counts = { ...analysedScorecard.counts };
  for (const image of images.results) {
    for (const severity of SEVERITIES)
      counts[severity] += image.counts[severity];
  }
  return { ...analysedScorecard, counts, images };
}

/**
 * The rule catalogue as GET /rules serves it with image inspection on: the definitions' rules of
 * the fixture, then every image rule (`kind: 'image'`, no file kind, no automatic fix).
 */
export const ruleCatalogueWithImageRules: RuleCatalogue = {
  ...ruleCatalogue,
  rules: [
    ...ruleCatalogue.rules,
    ...imageRules.map(
      (rule): RuleSummary => ({
        id: rule.id,
        title: rule.title,
        pillar: rule.pillar,
        severity: rule.severity,
        enabled: true,
        kind: 'image',
        appliesTo: [],
        message: rule.message,
        rationale: rule.rationale,
        remediation: {
          text: rule.remediation.description,
          before: rule.remediation.before,
          after: rule.remediation.after,
        },
        equivalents: {},
        fixable: false,
        ...(rule.options
          ? {
              options: Object.entries(rule.options).map(([name, spec]) => ({
                name,
                type: spec.type,
                description: spec.description,
                default: Array.isArray(spec.default)
                  ? [...spec.default]
                  : (spec.default as string | number | boolean),
              })),
            }
          : {}),
      }),
    ),
  ],
};
