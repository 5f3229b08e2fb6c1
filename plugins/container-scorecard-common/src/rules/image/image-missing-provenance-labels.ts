import { defineImageRule } from './defineImageRule';

const REQUIRED = [
  'org.opencontainers.image.source',
  'org.opencontainers.image.revision',
];

/** Flags an image without the OCI labels that say which repository and commit it was built from. */
export const imageMissingProvenanceLabels = defineImageRule({
  id: 'image-missing-provenance-labels',
  pillar: 'immutable',
  severity: 'low',
  title: 'Image does not say where it came from',
  message: 'The image lacks the OCI source and revision labels.',
  rationale:
    'When an image misbehaves in production, the first question is which code it was built from. `org.opencontainers.image.source` and `org.opencontainers.image.revision` answer it from the image itself; without them a tag is all there is, and tags move.',
  remediation: {
    description:
      'Set both labels at build time (docker/metadata-action and `docker buildx build --label` do it from the CI context).',
    before: 'docker build -t registry.example.com/api:1.4 .',
    after:
      'docker build -t registry.example.com/api:1.4 \\\n  --label org.opencontainers.image.source=https://github.com/acme/api \\\n  --label org.opencontainers.image.revision=$GIT_SHA .',
  },
  check({ image }) {
    const missing = REQUIRED.filter(
      label => !image.config.labels[label]?.trim(),
    );
    return missing.length
      ? [
          {
            evidence: `labels: missing ${missing.join(', ')}`,
            message: `The image lacks ${missing.join(' and ')}.`,
          },
        ]
      : [];
  },
});
