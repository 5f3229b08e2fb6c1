import { validateScorecardConfig } from '../config/validateScorecardConfig';
import { imageRuleSettingsOf } from './imagesConfig';

describe('the images section of the configuration', () => {
  it('is accepted and kept as written', () => {
    const images = {
      enabled: true,
      platform: 'linux/arm64',
      registries: [{ host: 'ghcr.io', username: 'bot', password: 's3cret' }],
      rules: {
        'image-too-old': { options: { maxAgeDays: 30 } },
        'image-not-signed': { enabled: false },
      },
      limits: { maxImagesPerEntity: 5 },
    };
    expect(validateScorecardConfig({ images }).config).toEqual({ images });
    expect(imageRuleSettingsOf(images)).toEqual({
      ruleOptions: {
        'image-too-old': { maxAgeDays: 30 },
        'image-not-signed': {},
      },
      disabledRules: ['image-not-signed'],
    });
  });

  it('lists every problem', () => {
    expect(() =>
      validateScorecardConfig({
        images: {
          registries: [
            { username: 'x' },
            { host: 'a.io', trustedHosts: 'b.io', extra: 1 },
          ],
          rules: {
            'image-nope': {},
            'image-too-large': { options: { maxSizeMb: 'big' } },
          },
          limits: { maxConfigBytes: -1, other: 3 },
          platform: 'amd64',
        },
      }),
    ).toThrow(
      expect.objectContaining({
        problems: [
          'images.platform must look like linux/amd64',
          'images.registries[0].host is required',
          'images.registries[1].extra: unknown setting',
          'images.registries[1].trustedHosts must be a list of host names',
          'images.rules.image-nope: unknown image rule id',
          'images.rules.image-too-large.options.maxSizeMb must be a number',
          'images.limits.maxConfigBytes must be a positive number',
          'images.limits.other: unknown limit',
        ],
      }),
    );
  });
});
