import {
  imageAge,
  imageFindingAsApiFinding,
  megabytes,
  shortDigest,
  signedLabel,
  usedByText,
  userLabel,
} from './imageFacts';

const NOW = new Date('2026-12-01T12:00:00Z');

describe('image facts as the entity tab shows them', () => {
  it('shortens a digest to its algorithm and 12 hex digits', () => {
    expect(shortDigest(`sha256:${'ab'.repeat(32)}`)).toBe(
      'sha256:abababababab',
    );
  });

  it('counts whole days since the image was built', () => {
    expect(imageAge('2025-10-15T11:00:00Z', NOW)).toBe('412 days');
    expect(imageAge('2026-11-30T13:00:00Z', NOW)).toBe('0 days');
    expect(imageAge('2026-11-30T11:00:00Z', NOW)).toBe('1 day');
  });

  it('does not read an age into a reproducible build date or a missing one', () => {
    expect(imageAge('1970-01-01T00:00:00Z', NOW)).toBe(
      'unknown (fixed build date)',
    );
    expect(imageAge(undefined, NOW)).toBe('unknown');
    expect(imageAge('yesterday', NOW)).toBe('unknown');
  });

  it('gives sizes in MB of 1024 × 1024 bytes, as the size rule counts them', () => {
    expect(megabytes(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(megabytes(Math.round(182.44 * 1024 * 1024))).toBe('182.4 MB');
    expect(megabytes(undefined)).toBe('–');
  });

  it('names root when the image sets no user, and keeps an unknown signature unknown', () => {
    expect(userLabel('')).toBe('root (no User set)');
    expect(userLabel('10001:10001')).toBe('10001:10001');
    expect(signedLabel(true)).toBe('Yes');
    expect(signedLabel(false)).toBe('No');
    expect(signedLabel(undefined)).toBe('Unknown');
  });

  it('says where an image is used, each kind once', () => {
    expect(usedByText(['compose', 'compose', 'annotation'])).toBe(
      'Used by a Compose file and the container-scorecard.io/images annotation',
    );
    expect(usedByText(['dockerfile', 'compose', 'kubernetes'])).toBe(
      'Used by a Dockerfile (final stage base), a Compose file and a Kubernetes manifest',
    );
  });

  it('gives an image finding the pillar of its rule', () => {
    const finding = imageFindingAsApiFinding({
      ruleId: 'image-too-large',
      severity: 'low',
      message: 'The image is 900 MB compressed (limit 500 MB).',
      path: 'node:22',
      range: { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } },
      snippet: 'compressed size: 900.0 MB',
      penalty: 2,
    });
    expect(finding).toMatchObject({ pillar: 'minimal', penalty: 2 });
  });
});
