import { defineImageRule } from './defineImageRule';

/** Flags an image with no SBOM or attestation attached; not reported when the lookup failed. */
export const imageWithoutSbom = defineImageRule({
  id: 'image-without-sbom',
  pillar: 'immutable',
  severity: 'low',
  title: 'Image has no SBOM',
  message: 'No SBOM or attestation is attached to the image.',
  rationale:
    'When the next widely-used library is found vulnerable, an SBOM attached to each image answers "which services ship it?" in minutes instead of a rebuild-and-scan of everything.',
  remediation: {
    description:
      'Generate an SBOM at build time and attach it to the digest (BuildKit `--sbom=true`, or `syft` and `cosign attest`).',
    before: 'docker buildx build -t ghcr.io/acme/api:1.4 --push .',
    after:
      'docker buildx build --sbom=true --provenance=true -t ghcr.io/acme/api:1.4 --push .',
  },
  check({ image }) {
    const chain = image.supplyChain;
    if (!chain || chain.sbom || chain.attestation) return [];
    return [{ evidence: `SBOM: none (looked up via ${chain.via})` }];
  },
});
