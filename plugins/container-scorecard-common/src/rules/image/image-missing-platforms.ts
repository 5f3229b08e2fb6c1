import { defineImageRule } from './defineImageRule';

/**
 * Flags an image that lacks a platform the organisation requires (`requiredPlatforms`, e.g.
 * `linux/arm64` for Graviton nodes). Off until platforms are configured: single-platform images
 * are fine where every node has the same architecture.
 */
export const imageMissingPlatforms = defineImageRule({
  id: 'image-missing-platforms',
  pillar: 'immutable',
  severity: 'medium',
  title: 'Image lacks a required platform',
  message: 'The image is not built for every platform the organisation runs.',
  rationale:
    'A node of another architecture pulls the image and fails with `exec format error`, or an emulated build runs slowly. Building one index for all required platforms keeps a single reference valid everywhere.',
  remediation: {
    description: 'Build and push a multi-platform index.',
    before: 'docker buildx build -t registry.example.com/api:1.4 --push .',
    after:
      'docker buildx build --platform linux/amd64,linux/arm64 -t registry.example.com/api:1.4 --push .',
  },
  options: {
    requiredPlatforms: {
      type: 'string[]',
      default: [],
      description:
        'Platforms every image must offer (`linux/amd64`, `linux/arm64`); none by default.',
    },
  },
  check({ image, options }) {
    const missing = options.requiredPlatforms.filter(
      wanted =>
        !image.platforms.some(
          offered => offered === wanted || offered.startsWith(`${wanted}/`),
        ),
    );
    return missing.length
      ? [
          {
            evidence: `platforms: ${image.platforms.join(', ')}`,
            message: `The image offers ${image.platforms.join(
              ', ',
            )} but not ${missing.join(', ')}.`,
          },
        ]
      : [];
  },
});
