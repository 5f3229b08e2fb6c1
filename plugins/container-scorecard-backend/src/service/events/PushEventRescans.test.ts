import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { PushEventRescans } from './PushEventRescans';

function component(name: string, sourceLocation: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name,
      annotations: { 'backstage.io/source-location': sourceLocation },
    },
    spec: { owner: 'team-a', type: 'service' },
  };
}

/** A GitHub push payload: the fields the mapping reads. */
function githubPush(repository: string, ref: string, paths?: string[]) {
  return {
    ref,
    created: false,
    deleted: false,
    forced: false,
    commits: paths ? [{ added: [], removed: [], modified: paths }] : [],
    repository: {
      html_url: `https://github.com/${repository}`,
      default_branch: 'main',
    },
  };
}

/** The subscriber over a catalog the test changes, with a clock the test moves. */
function setup(initial: Entity[]) {
  const state = { entities: initial, now: 1_000_000, catalogReads: 0 };
  const requested: string[][] = [];
  const rescans = new PushEventRescans({
    discover: async () => {
      state.catalogReads += 1;
      return state.entities;
    },
    requestScans: async refs => {
      requested.push(refs);
    },
    logger: mockServices.logger.mock(),
    now: () => state.now,
  });
  const push = (payload: unknown, topic = 'github.push') =>
    rescans.onEvent({ topic, eventPayload: payload });
  return { state, requested, push };
}

describe('PushEventRescans', () => {
  it('rescans every entity of a monorepo branch whose folder a push touched', async () => {
    const { push, requested } = setup([
      component(
        'billing',
        'url:https://github.com/acme/platform/tree/release/2026-12/services/billing/',
      ),
      component(
        'ledger',
        'url:https://github.com/acme/platform/tree/release/2026-12/services/ledger/',
      ),
      component(
        'docs',
        'url:https://github.com/acme/platform/tree/release/2026-12/docs/',
      ),
    ]);
    const refs = await push(
      githubPush('acme/platform', 'refs/heads/release/2026-12', [
        'services/billing/Dockerfile',
        'services/ledger/compose.yaml',
        'docs/index.md',
      ]),
    );
    expect(refs.sort()).toEqual([
      'component:default/billing',
      'component:default/ledger',
    ]);
    expect(requested).toEqual([refs]);
  });

  it('follows a renamed repository once the catalog does, and not before', async () => {
    const { push, state, requested } = setup([
      component('api', 'url:https://github.com/acme/old-name/tree/main/'),
    ]);
    const renamed = githubPush('acme/new-name', 'refs/heads/main', [
      'Dockerfile',
    ]);
    // GitHub sends the new name at once; the catalog still reads the old one.
    expect(await push(renamed)).toEqual([]);
    expect(
      await push(
        githubPush('acme/old-name', 'refs/heads/main', ['Dockerfile']),
      ),
    ).toEqual(['component:default/api']);

    // The catalog follows the rename. A push that matches nothing rebuilds an index older
    // than 30 seconds at once, without waiting for the 5-minute rebuild.
    state.entities = [
      component('api', 'url:https://github.com/acme/new-name/tree/main/'),
    ];
    state.now += 10_000;
    expect(await push(renamed)).toEqual([]); // the index is only 10 s old
    const readsBefore = state.catalogReads;
    state.now += 25_000;
    expect(await push(renamed)).toEqual(['component:default/api']);
    expect(state.catalogReads).toBe(readsBefore + 1);
    expect(
      await push(
        githubPush('acme/old-name', 'refs/heads/main', ['Dockerfile']),
      ),
    ).toEqual([]);
    // Pushes that matched nothing asked for nothing.
    expect(requested.filter(refs => refs.length > 0)).toEqual([
      ['component:default/api'],
      ['component:default/api'],
    ]);
  });

  it('asks for nothing on malformed payloads and topics it does not read', async () => {
    const { push, requested, state } = setup([
      component('api', 'url:https://github.com/acme/api/tree/main/'),
    ]);
    for (const payload of [
      undefined,
      null,
      'refs/heads/main',
      { ref: 'refs/heads/main' },
      { repository: { html_url: 'https://github.com/acme/api' } },
      {
        ref: 'refs/tags/v1',
        repository: { html_url: 'https://github.com/acme/api' },
      },
      { ...githubPush('acme/api', 'refs/heads/main'), repository: 'acme/api' },
      { ...githubPush('acme/api', 'refs/heads/main'), deleted: true },
      githubPush('not a url', 'refs/heads/main'),
    ]) {
      expect(await push(payload)).toEqual([]);
    }
    expect(
      await push(githubPush('acme/api', 'refs/heads/main'), 'github.issues'),
    ).toEqual([]);
    expect(await push({ object_kind: 'push' }, 'gitlab.push')).toEqual([]);
    expect(await push({ push: {} }, 'bitbucketCloud.repo:push')).toEqual([]);
    // A payload that cannot be read is no reason to read the catalog, nor to scan.
    expect(requested.flat()).toEqual([]);
    expect(state.catalogReads).toBeLessThanOrEqual(1);
  });

  it('shares one catalog read between pushes that arrive together', async () => {
    const { push, state } = setup([
      component('api', 'url:https://github.com/acme/api/tree/main/'),
      component('web', 'url:https://github.com/acme/web/tree/main/'),
    ]);
    const results = await Promise.all([
      push(githubPush('acme/api', 'refs/heads/main', ['Dockerfile'])),
      push(githubPush('acme/web', 'refs/heads/main', ['Dockerfile'])),
    ]);
    expect(results).toEqual([
      ['component:default/api'],
      ['component:default/web'],
    ]);
    expect(state.catalogReads).toBe(1);
  });
});
