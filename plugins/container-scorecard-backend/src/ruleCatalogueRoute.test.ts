import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  RuleCatalogue,
  RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import request from 'supertest';
import { containerScorecardPlugin } from './plugin';

/*
 * GET /rules through the real plugin, its configuration and its OpenAPI response validation: the
 * image rules are served as the definitions' rules are, so the portal can link image findings to
 * their rule pages. No scan runs and no registry is contacted: listing rules asks none.
 */

jest.setTimeout(60_000);

const API = '/api/container-scorecard';

async function rulesServed(containerScorecard: object): Promise<RuleCatalogue> {
  const backend = await startTestBackend({
    features: [
      containerScorecardPlugin,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootConfig.factory({ data: { containerScorecard } }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  try {
    const response = await request(backend.server)
      .get(`${API}/rules`)
      .set({ Authorization: mockCredentials.user.header() });
    expect(response.status).toBe(200);
    return response.body;
  } finally {
    await backend.stop();
  }
}

const byId = (catalogue: RuleCatalogue) =>
  new Map<string, RuleSummary>(catalogue.rules.map(rule => [rule.id, rule]));

describe('GET /rules with image rules', () => {
  it('serves each image rule with its kind, pillar, severity, rationale, remedy and options', async () => {
    const rules = byId(
      await rulesServed({
        rules: {
          'no-user-in-final-stage': {
            options: { nonRootBaseImages: ['acme/*:nonroot'] },
          },
        },
        images: {
          enabled: true,
          registries: [{ host: '127.0.0.1:5999', insecure: true }],
          rules: {
            'image-too-old': { options: { maxAgeDays: 60 } },
            'image-not-signed': { enabled: false },
          },
        },
      }),
    );

    expect(rules.get('image-runs-as-root')).toEqual({
      id: 'image-runs-as-root',
      title: 'Image runs as root',
      pillar: 'least-privilege',
      severity: 'high',
      enabled: true,
      kind: 'image',
      appliesTo: [],
      message: 'The image config runs its process as root.',
      rationale: expect.stringMatching(/^An empty `User` in the image config/),
      remediation: {
        text: 'Create an unprivileged user in the final stage and switch to it by uid, so Kubernetes can verify `runAsNonRoot`.',
        before:
          'FROM node:22-slim\nCOPY . /app\nCMD ["node", "/app/server.js"]',
        after:
          'FROM node:22-slim\nCOPY --chown=10001:10001 . /app\nUSER 10001\nCMD ["node", "/app/server.js"]',
      },
      equivalents: {},
      fixable: false,
    });
    expect(rules.get('image-too-old')).toMatchObject({
      kind: 'image',
      pillar: 'immutable',
      severity: 'medium',
      enabled: true,
      options: [
        {
          name: 'maxAgeDays',
          type: 'number',
          default: 90,
          value: 60,
          description:
            'Images created more than this many days ago are flagged.',
        },
      ],
    });
    expect(rules.get('image-not-signed')).toMatchObject({
      kind: 'image',
      enabled: false,
    });
    expect(
      [...rules.values()].filter(rule => rule.kind === 'image'),
    ).toHaveLength(11);
    // The definitions' rules are served as before, now with their kind and options.
    expect(rules.get('no-user-in-final-stage')).toMatchObject({
      kind: 'file',
      appliesTo: ['dockerfile'],
      enabled: true,
      options: [
        {
          name: 'nonRootBaseImages',
          type: 'string[]',
          value: ['acme/*:nonroot'],
        },
      ],
    });
  });

  it('lists the image rules turned off while image inspection is off', async () => {
    const catalogue = await rulesServed({});

    const images = catalogue.rules.filter(rule => rule.kind === 'image');
    expect(images.map(rule => [rule.id, rule.enabled])).toContainEqual([
      'image-runs-as-root',
      false,
    ]);
    expect(images.every(rule => rule.enabled === false)).toBe(true);
    expect(
      catalogue.rules.find(rule => rule.id === 'no-user-in-final-stage'),
    ).toMatchObject({ kind: 'file', enabled: true });
  });
});
