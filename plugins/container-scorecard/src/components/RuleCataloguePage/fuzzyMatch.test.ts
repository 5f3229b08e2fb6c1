import { fuzzyMatches } from './fuzzyMatch';

const healthcheck =
  'missing-healthcheck Health check declared The final stage declares no HEALTHCHECK hadolint DL3008';

describe('fuzzyMatches', () => {
  it.each([
    ['healthcheck'],
    ['helthcheck'],
    ['HEALTHCHEK'],
    ['health declared'],
    ['dl3008'],
    ['declar'],
    ['stage final'],
  ])('finds %p', search => {
    expect(fuzzyMatches(healthcheck, search)).toBe(true);
  });

  it.each([['sudo'], ['healthcheck sudo'], ['xyz'], ['zz3999']])(
    'does not find %p',
    search => {
      expect(fuzzyMatches(healthcheck, search)).toBe(false);
    },
  );
});
