import { imageMissingPlatforms } from './image-missing-platforms';
import { imageMissingProvenanceLabels } from './image-missing-provenance-labels';
import { imageNotSigned } from './image-not-signed';
import { imageWithoutSbom } from './image-without-sbom';
import { anImage, checkImage } from './testing/anImage';

describe('image-missing-provenance-labels', () => {
  it('names the missing labels', () => {
    const image = anImage({
      config: { labels: { 'org.opencontainers.image.source': 'x' } },
    });
    expect(checkImage(imageMissingProvenanceLabels, image)).toEqual([
      {
        evidence: 'labels: missing org.opencontainers.image.revision',
        message: 'The image lacks org.opencontainers.image.revision.',
      },
    ]);
    expect(checkImage(imageMissingProvenanceLabels, anImage())).toEqual([]);
  });
});

describe('image-missing-platforms', () => {
  it('is silent until platforms are required, then names the missing ones', () => {
    expect(checkImage(imageMissingPlatforms, anImage())).toEqual([]);
    const options = { requiredPlatforms: ['linux/amd64', 'linux/arm64'] };
    expect(checkImage(imageMissingPlatforms, anImage(), { options })).toEqual([
      {
        evidence: 'platforms: linux/amd64',
        message: 'The image offers linux/amd64 but not linux/arm64.',
      },
    ]);
    const multi = anImage({ platforms: ['linux/amd64', 'linux/arm64/v8'] });
    expect(checkImage(imageMissingPlatforms, multi, { options })).toEqual([]);
  });
});

describe('image-not-signed and image-without-sbom', () => {
  const unsigned = anImage({
    supplyChain: {
      signed: false,
      sbom: false,
      attestation: false,
      via: 'cosign-tags',
    },
  });

  it('flag an image with neither signature nor SBOM', () => {
    expect(checkImage(imageNotSigned, unsigned)).toEqual([
      { evidence: 'signature: none (looked up via cosign-tags)' },
    ]);
    expect(checkImage(imageWithoutSbom, unsigned)).toEqual([
      { evidence: 'SBOM: none (looked up via cosign-tags)' },
    ]);
  });

  it('stay silent when the lookup failed, when signed, and when signatures are not required', () => {
    const unknown = anImage({ supplyChain: undefined, supplyChainError: 'x' });
    expect(checkImage(imageNotSigned, unknown)).toEqual([]);
    expect(checkImage(imageWithoutSbom, unknown)).toEqual([]);
    expect(checkImage(imageNotSigned, anImage())).toEqual([]);
    expect(
      checkImage(imageNotSigned, unsigned, {
        options: { requireSignature: false },
      }),
    ).toEqual([]);
  });
});
