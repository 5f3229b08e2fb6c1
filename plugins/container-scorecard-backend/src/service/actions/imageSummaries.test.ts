import type {
  EntityImages,
  ImageResult,
} from '@container-scorecard/plugin-container-scorecard-common';
import { imageFindingsToFix, summariseImages } from './imageSummaries';

const zero = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
const AT = { start: { line: 1, column: 1 }, end: { line: 1, column: 1 } };

const reproducible: ImageResult = {
  reference: 'registry.test/distroless:1',
  usedBy: ['dockerfile'],
  status: 'inspected',
  created: '1970-01-01T00:00:00Z',
  user: '65532',
  signed: true,
  score: 91,
  findings: [
    {
      ruleId: 'image-without-sbom',
      severity: 'low',
      message: 'No SBOM',
      path: 'registry.test/distroless:1',
      range: AT,
      snippet: '',
    },
    {
      ruleId: 'image-not-signed',
      severity: 'medium',
      message: 'Waived',
      path: 'registry.test/distroless:1',
      range: AT,
      snippet: '',
      suppressed: { source: 'config', reason: 'internal only' },
    },
    {
      ruleId: 'image-too-large',
      severity: 'medium',
      message: 'Too large',
      path: 'registry.test/distroless:1',
      range: AT,
      snippet: '',
    },
  ],
  counts: { ...zero, low: 1, medium: 1 },
};

const unreachable: ImageResult = {
  reference: 'registry.test/api:2',
  usedBy: ['compose'],
  status: 'failed',
  reason: 'registry.test could not be reached: ECONNREFUSED',
  findings: [],
  counts: zero,
};

const images: EntityImages = {
  inspectedAt: '2026-12-01T10:00:00.000Z',
  results: [reproducible, unreachable],
  notInspected: [{ reference: '${IMAGE}', reason: 'not a literal reference' }],
};

describe('the images in the actions', () => {
  it('gives a failed inspection its reason and no score, and a fixed build date no age', () => {
    const summary = summariseImages(images, new Date('2026-12-01T12:00:00Z'));
    expect(summary.results).toEqual([
      {
        reference: 'registry.test/distroless:1',
        status: 'inspected',
        reason: undefined,
        score: 91,
        grade: 'A',
        counts: reproducible.counts,
        user: '65532',
        ageDays: undefined,
        signed: true,
      },
      {
        reference: 'registry.test/api:2',
        status: 'failed',
        reason: 'registry.test could not be reached: ECONNREFUSED',
        score: undefined,
        grade: undefined,
        counts: zero,
        user: undefined,
        ageDays: undefined,
        signed: undefined,
      },
    ]);
    expect(summary.notInspected).toEqual(images.notInspected);
  });

  it('counts a real creation date in whole days', () => {
    const summary = summariseImages(
      {
        ...images,
        results: [{ ...reproducible, created: '2026-11-01T13:00:00Z' }],
      },
      new Date('2026-12-01T12:00:00Z'),
    );
    expect(summary.results[0].ageDays).toBe(29);
  });

  it('lists the unwaived image findings to fix, worst severity first', () => {
    expect(imageFindingsToFix(images)).toEqual({
      total: 2,
      listed: [
        {
          reference: 'registry.test/distroless:1',
          ruleId: 'image-too-large',
          severity: 'medium',
          message: 'Too large',
        },
        {
          reference: 'registry.test/distroless:1',
          ruleId: 'image-without-sbom',
          severity: 'low',
          message: 'No SBOM',
        },
      ],
    });
    expect(imageFindingsToFix(undefined)).toEqual({ total: 0, listed: [] });
  });
});
