import { imageWithoutHealthcheck } from './image-without-healthcheck';
import { anImage, checkImage } from './testing/anImage';

describe('image-without-healthcheck', () => {
  const bare = anImage({ config: { healthcheck: undefined } });

  it('flags an image without a health check used by compose or a Dockerfile', () => {
    expect(
      checkImage(imageWithoutHealthcheck, bare, {
        usedBy: ['compose', 'kubernetes'],
      }),
    ).toEqual([{ evidence: 'Healthcheck: (none)' }]);
  });

  it('does not flag images used only by Kubernetes, which ignores HEALTHCHECK', () => {
    expect(
      checkImage(imageWithoutHealthcheck, bare, { usedBy: ['kubernetes'] }),
    ).toEqual([]);
  });

  it('accepts a health check and HEALTHCHECK NONE', () => {
    expect(checkImage(imageWithoutHealthcheck, anImage())).toEqual([]);
    expect(
      checkImage(
        imageWithoutHealthcheck,
        anImage({ config: { healthcheck: ['NONE'] } }),
      ),
    ).toEqual([]);
  });
});
