import { defineImageRule } from './defineImageRule';

/**
 * Flags an image with no signature (referrers API or cosign `.sig` tag). Nothing is reported
 * when the lookup itself failed: an unknown is not a finding.
 */
export const imageNotSigned = defineImageRule({
  id: 'image-not-signed',
  pillar: 'immutable',
  severity: 'medium',
  title: 'Image is not signed',
  message: 'No signature is attached to the image.',
  rationale:
    'A signature ties the digest to the pipeline that built it; admission controllers (Kyverno, Sigstore policy-controller) can then refuse anything else. Without one, whoever can push to the repository can replace what runs.',
  remediation: {
    description:
      'Sign the pushed digest in CI (keyless with cosign and the CI identity) and verify at admission.',
    before: 'docker buildx build -t ghcr.io/acme/api:1.4 --push .',
    after:
      'docker buildx build -t ghcr.io/acme/api:1.4 --push --metadata-file meta.json .\ncosign sign --yes ghcr.io/acme/api@$(jq -r \'."containerimage.digest"\' meta.json)',
  },
  options: {
    requireSignature: {
      type: 'boolean',
      default: true,
      description: 'Set to false where images are not signed by policy.',
    },
  },
  check({ image, options }) {
    if (!options.requireSignature || !image.supplyChain) return [];
    return image.supplyChain.signed
      ? []
      : [
          {
            evidence: `signature: none (looked up via ${image.supplyChain.via})`,
          },
        ];
  },
});
