import { ScorecardConfigError } from './ScorecardConfig';
import { validateScorecardConfig } from './validateScorecardConfig';

function problemsOf(input: unknown): string[] {
  try {
    validateScorecardConfig(input);
  } catch (error) {
    if (error instanceof ScorecardConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('validateScorecardConfig', () => {
  it('accepts a full configuration and returns it typed', () => {
    const input = {
      rules: {
        'base-image-latest-tag': { severity: 'high' },
        'shell-form-cmd': false,
        'no-user-in-final-stage': {
          options: { nonRootBaseImages: ['acme/*'] },
        },
      },
      trustedRegistries: ['ghcr.io/acme'],
      limits: { maxFileBytes: 2048 },
      waivers: [
        {
          rule: 'compose-privileged',
          paths: ['dev/**'],
          reason: 'local only',
          until: '2026-01-31',
        },
      ],
    };
    expect(validateScorecardConfig(input).config).toEqual({
      ...input,
      rules: { ...input.rules, 'shell-form-cmd': { enabled: false } },
    });
  });

  it('treats a missing configuration as empty', () => {
    expect(validateScorecardConfig(undefined).config).toEqual({});
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({
      rules: {
        'no-such-rule': {},
        'base-image-latest-tag': { severity: 'urgent', enabled: 'yes' },
        'no-user-in-final-stage': {
          options: { nonRootBaseImages: 'acme/*', colour: 1 },
        },
      },
      trustedRegistries: 'ghcr.io',
      limits: { maxFileBytes: -1, speed: 3 },
      waivers: [{ rule: 'base-image-latest-tag', until: 'tomorrow' }],
      extra: true,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'unknown setting "extra"',
        'rules.no-such-rule: unknown rule id',
        expect.stringContaining(
          'rules.base-image-latest-tag.severity: "urgent" is not one of',
        ),
        'rules.base-image-latest-tag.enabled: must be true or false',
        'rules.no-user-in-final-stage.options.nonRootBaseImages: must be a list of strings',
        expect.stringContaining(
          'rules.no-user-in-final-stage.options.colour: unknown option',
        ),
        '"trustedRegistries" must be a list of strings',
        'limits.maxFileBytes: must be a positive integer',
        expect.stringContaining('limits.speed: unknown limit (accepted: '),
        'waivers[0].reason: a central waiver needs a reason',
        'waivers[0].until: must be a YYYY-MM-DD date',
      ]),
    );
    expect(problems).toHaveLength(11);
  });

  it('accepts the findings-per-rule and YAML-documents limits', () => {
    const limits = { maxFindingsPerRule: 1, maxYamlDocuments: 5000 };
    expect(validateScorecardConfig({ limits }).config).toEqual({ limits });
  });

  it.each([0, -1, 2.5, '100', null, Number.POSITIVE_INFINITY])(
    'refuses %p as a limit: every limit is a positive integer',
    value => {
      expect(
        problemsOf({
          limits: { maxFindingsPerRule: value, maxYamlDocuments: value },
        }),
      ).toEqual([
        'limits.maxFindingsPerRule: must be a positive integer',
        'limits.maxYamlDocuments: must be a positive integer',
      ]);
    },
  );

  it('names the accepted limits when one is unknown', () => {
    expect(problemsOf({ limits: { maxFindings: 10 } })).toEqual([
      'limits.maxFindings: unknown limit (accepted: maxFileBytes, maxYamlAliasCount, maxFindingsPerRule, maxYamlDocuments, maxDockerfileInstructions, maxRenderedBytes, maxTemplateDepth, maxTemplateSteps)',
    ]);
  });

  it('throws an error whose message lists the problems', () => {
    expect(() => validateScorecardConfig({ rules: { nope: {} } })).toThrow(
      /rules\.nope: unknown rule id/,
    );
  });
});
