import { imageTooLarge } from './image-too-large';
import { imageTooManyLayers } from './image-too-many-layers';
import { anImage, checkImage } from './testing/anImage';

describe('image-too-large', () => {
  it('flags compressed sizes over maxSizeMb', () => {
    const image = anImage({ compressedSize: 612 * 1024 * 1024 });
    expect(checkImage(imageTooLarge, image)).toEqual([
      {
        evidence: 'compressed size: 612.0 MB',
        message: 'The image is 612 MB compressed (limit 500 MB).',
      },
    ]);
    expect(
      checkImage(imageTooLarge, image, { options: { maxSizeMb: 700 } }),
    ).toEqual([]);
    expect(checkImage(imageTooLarge, anImage())).toEqual([]);
  });
});

describe('image-too-many-layers', () => {
  it('flags layer counts over maxLayers', () => {
    expect(checkImage(imageTooManyLayers, anImage({ layerCount: 41 }))).toEqual(
      [
        {
          evidence: 'layers: 41',
          message: 'The image has 41 layers (limit 40).',
        },
      ],
    );
    expect(checkImage(imageTooManyLayers, anImage({ layerCount: 40 }))).toEqual(
      [],
    );
  });
});
