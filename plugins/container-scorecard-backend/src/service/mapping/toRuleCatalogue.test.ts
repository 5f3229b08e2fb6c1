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

describe('toRuleCatalogue: image rules', () => {
  const engine = {
    rulesetVersion: '1.0.0+abc',
    rules: [rule({ id: 'base-image-latest-tag' })],
  } as unknown as ScorecardEngine;
  const imageIdsIn = (catalogue: ReturnType<typeof toRuleCatalogue>) =>
    catalogue.rules.filter(r => r.kind === 'image').map(r => r.id);

  it('lists every image rule after the file rules, as the ruleset describes it', () => {
    const catalogue = toRuleCatalogue(engine, engine.rules, {
      images: { enabled: true },
    });

    expect(catalogue.rules[0]).toMatchObject({
      id: 'base-image-latest-tag',
      kind: 'file',
    });
    expect(imageIdsIn(catalogue)).toEqual([
      'image-runs-as-root',
      'image-without-healthcheck',
      'image-shell-form-entrypoint',
      'image-too-old',
      'image-too-large',
      'image-too-many-layers',
      'image-missing-provenance-labels',
      'image-missing-platforms',
      'image-not-signed',
      'image-without-sbom',
      'image-tag-moved',
    ]);
    const root = catalogue.rules.find(r => r.id === 'image-runs-as-root');
    expect(root).toEqual({
      id: 'image-runs-as-root',
      title: 'Image runs as root',
      pillar: 'least-privilege',
      severity: 'high',
      enabled: true,
      kind: 'image',
      appliesTo: [],
      message: 'The image config runs its process as root.',
      rationale: expect.stringContaining('An empty `User` in the image config'),
      remediation: {
        text: expect.stringContaining('Create an unprivileged user'),
        before: expect.stringContaining('FROM node:22-slim'),
        after: expect.stringContaining('USER 10001'),
      },
      equivalents: {},
      fixable: false,
    });
  });

  it('turns off the image rules while image inspection is off', () => {
    const catalogue = toRuleCatalogue(engine, engine.rules);

    const images = catalogue.rules.filter(r => r.kind === 'image');
    expect(images).toHaveLength(11);
    expect(images.every(r => r.enabled === false)).toBe(true);
    expect(catalogue.rules[0].enabled).toBe(true);
  });

  it('turns off the image rules images.rules disables, and serves configured options', () => {
    const catalogue = toRuleCatalogue(engine, engine.rules, {
      images: {
        enabled: true,
        config: {
          rules: {
            'image-not-signed': { enabled: false },
            'image-too-old': { options: { maxAgeDays: 60 } },
          },
        },
      },
    });
    const byId = new Map(catalogue.rules.map(r => [r.id, r]));

    expect(byId.get('image-not-signed')?.enabled).toBe(false);
    expect(byId.get('image-without-sbom')?.enabled).toBe(true);
    expect(byId.get('image-too-old')?.options).toEqual([
      {
        name: 'maxAgeDays',
        type: 'number',
        description: 'Images created more than this many days ago are flagged.',
        default: 90,
        value: 60,
      },
    ]);
    // The default applies: no value.
    expect(byId.get('image-too-large')?.options).toEqual([
      expect.not.objectContaining({ value: expect.anything() }),
    ]);
    expect(byId.get('image-runs-as-root')).not.toHaveProperty('options');
  });

  it('serves a file rule’s options with the value containerScorecard.rules gives', () => {
    const withOption = rule({
      id: 'no-user-in-final-stage',
      options: {
        nonRootBaseImages: {
          type: 'string[]',
          default: ['gcr.io/distroless/*:nonroot'],
          description: 'Bases that run as non-root.',
        },
      },
    });
    const catalogue = toRuleCatalogue(
      {
        rulesetVersion: '1',
        rules: [withOption],
      } as unknown as ScorecardEngine,
      [withOption],
      {
        config: {
          rules: {
            'no-user-in-final-stage': {
              options: { nonRootBaseImages: ['acme/*'] },
            },
          },
        },
      },
    );

    expect(catalogue.rules[0].options).toEqual([
      {
        name: 'nonRootBaseImages',
        type: 'string[]',
        description: 'Bases that run as non-root.',
        default: ['gcr.io/distroless/*:nonroot'],
        value: ['acme/*'],
      },
    ]);
  });
});
