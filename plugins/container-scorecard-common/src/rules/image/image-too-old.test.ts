import { imageTooOld } from './image-too-old';
import { anImage, checkImage } from './testing/anImage';

describe('image-too-old', () => {
  it('flags an image older than maxAgeDays, with its age', () => {
    const image = anImage({ config: { created: '2026-06-01T12:00:00Z' } });
    expect(checkImage(imageTooOld, image)).toEqual([
      {
        evidence: 'created: 2026-06-01T12:00:00Z',
        message: 'The image was built 183 days ago (limit 90).',
      },
    ]);
    expect(
      checkImage(imageTooOld, image, { options: { maxAgeDays: 200 } }),
    ).toEqual([]);
  });

  it('ignores fresh images, missing dates and the fixed epoch of reproducible builds', () => {
    expect(checkImage(imageTooOld, anImage())).toEqual([]);
    expect(
      checkImage(imageTooOld, anImage({ config: { created: undefined } })),
    ).toEqual([]);
    expect(
      checkImage(
        imageTooOld,
        anImage({ config: { created: '1970-01-01T00:00:00Z' } }),
      ),
    ).toEqual([]);
  });
});
