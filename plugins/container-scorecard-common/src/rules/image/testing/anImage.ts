import type {
  InspectedImage,
  InspectedImageConfig,
} from '../../../images/inspectedImage';
import { defaultOptionValues } from '../../framework/ruleOptions';
import type { ImageRule, ImageRuleContext } from '../defineImageRule';

/** A well-built image: non-root, health-checked, exec form, fresh, small, labelled, signed. */
export function anImage(
  overrides: Partial<Omit<InspectedImage, 'config'>> & {
    config?: Partial<InspectedImageConfig>;
  } = {},
): InspectedImage {
  const { config, ...rest } = overrides;
  return {
    reference: 'ghcr.io/acme/api:1.4',
    registry: 'ghcr.io',
    repository: 'acme/api',
    tag: '1.4',
    pinnedByDigest: false,
    digest: `sha256:${'1'.repeat(64)}`,
    manifestDigest: `sha256:${'1'.repeat(64)}`,
    platforms: ['linux/amd64'],
    platform: 'linux/amd64',
    compressedSize: 40 * 1024 * 1024,
    layerCount: 6,
    supplyChain: {
      signed: true,
      sbom: true,
      attestation: false,
      via: 'referrers',
    },
    ...rest,
    config: {
      user: '10001',
      entrypoint: ['/app/server'],
      healthcheck: ['CMD', '/app/server', '--health'],
      labels: {
        'org.opencontainers.image.source': 'https://github.com/acme/api',
        'org.opencontainers.image.revision': 'abc123',
      },
      created: '2026-11-20T10:00:00Z',
      os: 'linux',
      architecture: 'amd64',
      ...config,
    },
  };
}

export const NOW = new Date('2026-12-01T12:00:00Z');

/** Runs one image rule with its default options over the given ones. */
export function checkImage(
  rule: ImageRule,
  image: InspectedImage,
  context: Partial<Omit<ImageRuleContext, 'image'>> = {},
) {
  return rule.check({
    image,
    usedBy: ['compose'],
    now: NOW,
    ...context,
    options: { ...defaultOptionValues(rule.options), ...context.options },
  });
}
