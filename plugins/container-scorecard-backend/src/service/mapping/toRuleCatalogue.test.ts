import type {
  RuleMetadata,
  ScorecardEngine,
} from '@container-scorecard/plugin-container-scorecard-common';
import { toRuleCatalogue } from './toRuleCatalogue';

const rule = (overrides: Partial<RuleMetadata>): RuleMetadata => ({
  id: 'base-image-latest-tag',
  pillar: 'immutable',
  severity: 'high',
  appliesTo: ['dockerfile'],
  title: 'Base image not :latest',
  message: 'The base image uses :latest.',
  rationale: 'It changes under you.',
  remediation: { description: 'Pin it.', before: 'FROM a', after: 'FROM a:1' },
  equivalents: { hadolint: 'DL3007', trivy: 'DS-0001' },
  fixable: false,
  ...overrides,
});

describe('toRuleCatalogue', () => {
  it('serves the links to the peers’ rule pages and the note on how far they match', () => {
    const linked = rule({
      equivalentLinks: {
        hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3007',
        // A link for a tool the rule names no equivalent of is not served.
        checkov: 'https://www.checkov.io/',
      },
      equivalentsNote: 'Trivy also flags a missing tag.',
    });
    const plain = rule({ id: 'plain', equivalents: {} });
    const engine = {
      rulesetVersion: '1.0.0+abc',
      rules: [linked],
    } as unknown as ScorecardEngine;

    const catalogue = toRuleCatalogue(engine, [linked, plain]);

    expect(catalogue.rules[0]).toMatchObject({
      id: 'base-image-latest-tag',
      enabled: true,
      equivalents: { hadolint: 'DL3007', trivy: 'DS-0001' },
      equivalentLinks: {
        hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3007',
      },
      equivalentsNote: 'Trivy also flags a missing tag.',
    });
    expect(catalogue.rules[1]).toMatchObject({ id: 'plain', enabled: false });
    expect(catalogue.rules[1]).not.toHaveProperty('equivalentLinks');
    expect(catalogue.rules[1]).not.toHaveProperty('equivalentsNote');
  });
});
