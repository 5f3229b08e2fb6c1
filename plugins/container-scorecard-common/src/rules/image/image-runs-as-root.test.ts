import { imageRunsAsRoot } from './image-runs-as-root';
import { anImage, checkImage } from './testing/anImage';

describe('image-runs-as-root', () => {
  it.each(['', 'root', '0', '0:0', 'root:staff'])('flags User %j', user => {
    expect(checkImage(imageRunsAsRoot, anImage({ config: { user } }))).toEqual([
      expect.objectContaining({ evidence: `User: ${JSON.stringify(user)}` }),
    ]);
  });

  it('flags an absent User, naming the default', () => {
    expect(
      checkImage(imageRunsAsRoot, anImage({ config: { user: undefined } })),
    ).toEqual([
      {
        evidence: 'User: ""',
        message: 'The image config sets no User, so its process runs as root.',
      },
    ]);
  });

  it.each(['10001', 'node', '65532:65532', 'app:0'])(
    'accepts User %j',
    user => {
      expect(
        checkImage(imageRunsAsRoot, anImage({ config: { user } })),
      ).toEqual([]);
    },
  );
});
