import { parseImageReference } from '../../parsing/imageReference';
import { defineRule } from '../framework/defineRule';
import { valueRangeOf } from './composeHelpers';

/**
 * Flags services that pull an image by `:latest` or with no tag. Digests are pinned; services
 * that build their image (`build:`) name their own output and are not flagged.
 */
export const composeImageNotPinned = defineRule({
  id: 'compose-image-not-pinned',
  pillar: 'immutable',
  severity: 'medium',
  appliesTo: ['compose'],
  title: 'Service image is not pinned',
  message:
    'This service runs an image without a version tag (or with "latest"): pin a version, ideally a digest.',
  rationale:
    'An image reference without a version is a moving target: "latest" is whatever was pushed last, and the next `docker compose pull` can swap the runtime under a service that has not changed. Pinning makes a deployment reproducible and a rollback a real rollback; a digest also guarantees the bytes are the ones that were tested.',
  remediation: {
    description:
      'Name the version you tested with; add the digest to make it exact.',
    before: 'services:\n  cache:\n    image: redis',
    after: 'services:\n  cache:\n    image: redis:7.2.5-alpine@sha256:<digest>',
  },
  equivalents: {},
  check({ file }) {
    return file.compose.services.flatMap(service => {
      const image = service.image?.trim();
      if (!image || service.value.build !== undefined) return [];
      // A variable may carry the tag (`app:${TAG}`, `${IMAGE}`): it is pinned where it is set.
      if (image.includes('$')) return [];
      const reference = parseImageReference(image);
      if (reference.digest) return [];
      if (reference.tag !== undefined && reference.tag !== 'latest') return [];
      return [
        {
          range: valueRangeOf(service, ['image']),
          message:
            reference.tag === 'latest'
              ? `Service "${service.name}" runs "${image}": "latest" moves, pin a version.`
              : `Service "${service.name}" runs "${image}" with no tag, which means "latest": pin a version.`,
        },
      ];
    });
  },
});
