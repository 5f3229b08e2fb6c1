import { imageTagMoved } from './image-tag-moved';
import { anImage, checkImage } from './testing/anImage';

describe('image-tag-moved', () => {
  const previousDigest = `sha256:${'0'.repeat(64)}`;

  it('flags a tag that resolves to another digest than at the last scan', () => {
    expect(checkImage(imageTagMoved, anImage(), { previousDigest })).toEqual([
      {
        evidence: `1.4: ${previousDigest} → sha256:${'1'.repeat(64)}`,
        message: `The tag 1.4 moved to sha256:${'1'.repeat(
          12,
        )}… since the last scan (was sha256:${'0'.repeat(12)}…).`,
      },
    ]);
  });

  it('is silent on the first scan, an unchanged digest, or a digest-pinned reference', () => {
    expect(checkImage(imageTagMoved, anImage())).toEqual([]);
    expect(
      checkImage(imageTagMoved, anImage(), {
        previousDigest: anImage().digest,
      }),
    ).toEqual([]);
    expect(
      checkImage(imageTagMoved, anImage({ pinnedByDigest: true }), {
        previousDigest,
      }),
    ).toEqual([]);
  });
});
