import { anImage, NOW } from '../rules/image/testing/anImage';
import { imageRules } from '../rules/image';
import { PILLAR_IDS } from '../model/pillars';
import { scoreImages } from './scoreImages';

describe('scoreImages', () => {
  it('scores an inspected image from its findings, like a file', () => {
    const image = anImage({ config: { user: '', healthcheck: undefined } });
    const [result] = scoreImages(
      [
        {
          inspection: {
            status: 'inspected',
            reference: image.reference,
            image,
          },
          usedBy: ['compose'],
        },
      ],
      { now: NOW },
    );
    expect(result).toMatchObject({
      reference: 'ghcr.io/acme/api:1.4',
      status: 'inspected',
      user: '',
      signed: true,
      counts: { critical: 0, high: 1, medium: 0, low: 1, info: 0 },
    });
    expect(result.findings.map(f => [f.ruleId, f.path, f.snippet])).toEqual([
      ['image-runs-as-root', 'ghcr.io/acme/api:1.4', 'User: ""'],
      [
        'image-without-healthcheck',
        'ghcr.io/acme/api:1.4',
        'Healthcheck: (none)',
      ],
    ]);
    expect(result.score).toBeLessThan(100);
    expect(result.pillarScores?.['least-privilege']).toBeLessThan(100);
    expect(result.pillarScores?.minimal).toBe(100);
  });

  it('applies configured options and disabled rules, and refuses unknown options', () => {
    const image = anImage({ config: { user: '' }, layerCount: 12 });
    const input = [
      {
        inspection: { status: 'inspected' as const, reference: 'x', image },
        usedBy: ['compose' as const],
      },
    ];
    const [result] = scoreImages(input, {
      now: NOW,
      disabledRules: ['image-runs-as-root'],
      ruleOptions: { 'image-too-many-layers': { maxLayers: 10 } },
    });
    expect(result.findings.map(f => f.ruleId)).toEqual([
      'image-too-many-layers',
    ]);
    expect(() =>
      scoreImages(input, {
        now: NOW,
        ruleOptions: { 'image-too-old': { maxAge: 3 } },
      }),
    ).toThrow('image-too-old has no option "maxAge"');
    expect(() =>
      scoreImages(input, {
        now: NOW,
        ruleOptions: { 'image-too-old': { maxAgeDays: '3' } },
      }),
    ).toThrow('image-too-old option "maxAgeDays" must be a number');
  });

  it('keeps a failed inspection with its reason and no score', () => {
    expect(
      scoreImages(
        [
          {
            inspection: {
              status: 'failed',
              reference: 'ghcr.io/a/b:1',
              reason: 'ghcr.io is not a configured registry',
            },
            usedBy: ['kubernetes'],
          },
        ],
        { now: NOW },
      ),
    ).toEqual([
      {
        reference: 'ghcr.io/a/b:1',
        usedBy: ['kubernetes'],
        status: 'failed',
        reason: 'ghcr.io is not a configured registry',
        findings: [],
        counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
      },
    ]);
  });
});

describe('imageRules', () => {
  it('have unique image- ids, a known pillar and complete documentation', () => {
    const ids = imageRules.map(rule => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of imageRules) {
      expect(rule.id).toMatch(/^image-[a-z-]+$/);
      expect(PILLAR_IDS).toContain(rule.pillar);
      expect(rule.rationale.length).toBeGreaterThan(80);
      expect(rule.remediation.before).not.toBe(rule.remediation.after);
    }
  });
});
