import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity, RELATION_OWNED_BY } from '@backstage/catalog-model';
import type { ApiGrade } from '@container-scorecard/plugin-container-scorecard-common';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { JsonObject } from '@backstage/types';
import type { Knex } from 'knex';
import request from 'supertest';
import { containerScorecardPlugin } from '../plugin';
import { ScorecardStore } from '../database/ScorecardStore';
import { catalogWithVisibility } from './demoCatalog';
import { noFindings, storedResult } from './storedResult';

/** Where the plugin's routes are mounted in a test backend. */
export const API = '/api/container-scorecard';

/** A user the catalog hides the payments team's entities from, as a catalog policy would. */
export const OUTSIDER = 'user:default/outsider';

/** A service component owned by a team, with the ownedBy relation the catalog would add. */
export const component = (name: string, owner: string): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name },
  spec: { owner, type: 'service' },
  relations: [{ type: RELATION_OWNED_BY, targetRef: `group:default/${owner}` }],
});

/** A team group with no sub-teams. */
export const team = (name: string): Entity => ({
  apiVersion: 'backstage.io/v1',
  kind: 'Group',
  metadata: { name },
  spec: { type: 'team', children: [] },
});

/** A component's analysed result, stored before the first request. */
export interface ScoredComponent {
  name: string;
  score: number;
  grade: ApiGrade;
}

/** The running test backend: its server, its store, and a GET as a signed-in user. */
export interface ReportsBackend {
  server: Awaited<ReturnType<typeof startTestBackend>>['server'];
  store: ScorecardStore;
  /** The catalog the plugin asks, a mock whose calls can be counted. */
  catalog: ReturnType<typeof catalogWithVisibility>;
  /** GETs a path under the plugin's API as `user` (the default mock user when left out). */
  get(path: string, user?: string): request.Test;
}

/**
 * The plugin in a test backend over the HTTP API, as the report and summary routes are tested:
 * a catalog of `entities` in which OUTSIDER cannot see what the payments team owns, every
 * permission allowed, no scan on start-up, and each of `scored` stored as analysed now with one
 * high finding. The database is the caller's (`databases.init(id)`), so one test file runs it on
 * each supported database.
 */
export async function startReportsBackend(
  knex: Knex,
  options: {
    entities: Entity[];
    scored: ScoredComponent[];
    /** The plugin's configuration, under `containerScorecard`. */
    config?: JsonObject;
  },
): Promise<ReportsBackend> {
  const catalog = catalogWithVisibility(
    options.entities,
    (user, entity) => user === OUTSIDER && entity.spec?.owner === 'payments',
  );
  const { server } = await startTestBackend({
    features: [
      containerScorecardPlugin,
      catalog.factory,
      mockServices.rootConfig.factory({
        data: { containerScorecard: options.config ?? {} },
      }),
      mockServices.database.factory({ knex }),
      mockServices.scheduler.factory({ skipTaskRunOnStartup: true }),
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
    ],
  });
  const store = ScorecardStore.fromClient(knex);
  for (const { name, score, grade } of options.scored) {
    await store.saveResult(
      storedResult(`component:default/${name}`, {
        analysedAt: new Date(),
        score,
        grade,
        counts: { ...noFindings, high: 1 },
        sourceKey: `url:https://example.com/${name}`,
      }),
    );
  }
  const get = (path: string, user?: string) =>
    request(server)
      .get(`${API}${path}`)
      .set('Authorization', mockCredentials.user.header(user));
  return { server, store, catalog, get };
}
