import { imageShellFormEntrypoint } from './image-shell-form-entrypoint';
import { anImage, checkImage } from './testing/anImage';

describe('image-shell-form-entrypoint', () => {
  it('flags a shell-form CMD when there is no ENTRYPOINT', () => {
    const image = anImage({
      config: {
        entrypoint: undefined,
        cmd: ['/bin/sh', '-c', 'node server.js'],
      },
    });
    expect(checkImage(imageShellFormEntrypoint, image)).toEqual([
      { evidence: 'Cmd: ["/bin/sh","-c","node server.js"]' },
    ]);
  });

  it('flags a shell-form ENTRYPOINT whatever CMD says', () => {
    const image = anImage({
      config: {
        entrypoint: ['sh', '-c', 'exec-less start'],
        cmd: ['--port', '80'],
      },
    });
    expect(checkImage(imageShellFormEntrypoint, image)).toHaveLength(1);
  });

  it('accepts exec form, and a shell CMD that is only an argument to an exec ENTRYPOINT', () => {
    expect(checkImage(imageShellFormEntrypoint, anImage())).toEqual([]);
    const image = anImage({
      config: { entrypoint: ['/tini', '--'], cmd: ['/bin/sh', '-c', 'x'] },
    });
    expect(checkImage(imageShellFormEntrypoint, image)).toEqual([]);
    expect(
      checkImage(
        imageShellFormEntrypoint,
        anImage({ config: { entrypoint: ['bash'] } }),
      ),
    ).toEqual([]);
  });
});
