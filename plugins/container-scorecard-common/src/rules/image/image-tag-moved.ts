import { defineImageRule } from './defineImageRule';

/**
 * Flags a tag that resolves to another digest than at the previous scan while the definition
 * still names the tag: what runs changed without any change to the definition.
 */
export const imageTagMoved = defineImageRule({
  id: 'image-tag-moved',
  pillar: 'immutable',
  severity: 'medium',
  title: 'Tag moved since the last scan',
  message: 'The tag now points to another image than at the last scan.',
  rationale:
    'A definition that names a tag runs whatever the tag points to when the node pulls. When the tag moves, two replicas of one deployment can run different code, and a rollback to "the same" definition does not restore what ran. Pinning the digest makes the definition say exactly what runs.',
  remediation: {
    description:
      'Reference the image by digest (keep the tag for readers), and let a bot such as Renovate propose digest updates.',
    before: 'image: ghcr.io/acme/api:stable',
    after: 'image: ghcr.io/acme/api:stable@sha256:3b1c…',
  },
  check({ image, previousDigest }) {
    if (
      image.pinnedByDigest ||
      !previousDigest ||
      previousDigest === image.digest
    ) {
      return [];
    }
    return [
      {
        evidence: `${image.tag ?? 'latest'}: ${previousDigest} → ${
          image.digest
        }`,
        message: `The tag ${
          image.tag ?? 'latest'
        } moved to ${image.digest.slice(
          0,
          19,
        )}… since the last scan (was ${previousDigest.slice(0, 19)}…).`,
      },
    ];
  },
});
