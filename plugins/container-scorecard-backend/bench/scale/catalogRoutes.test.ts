// The catalog stand-in's routes (catalogRoutes.ts) as CatalogClient meets them.
// bench/ is outside the package's test roots; run with
//   CI=true npx backstage-cli package test --roots '<rootDir>/../bench'
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
// The real catalog client is what is measured; it comes with plugin-catalog-node, and bench/ is
// not published, so it is not declared in package.json (it belongs in devDependencies).
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  CATALOG_FILTER_EXISTS,
  GetEntitiesRequest,
} from '@backstage/catalog-client';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { buildCatalog } from './benchCatalog';
import {
  CATALOG_BASE_PATH,
  createCatalogServer,
  parseFilterParams,
} from './catalogRoutes';
import { catalogOverHttp } from './httpCatalog';

const FIELDS = ['kind', 'metadata.name', 'metadata.namespace', 'relations'];

describe('the catalog stand-in over HTTP', () => {
  let server: Server;
  let baseUrl: string;
  const credentials = mockCredentials.user();
  const expected = catalogServiceMock({ entities: buildCatalog(60) });

  beforeAll(async () => {
    server = createCatalogServer(60);
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${
      (server.address() as AddressInfo).port
    }${CATALOG_BASE_PATH}`;
  });
  afterAll(() => new Promise(resolve => server.close(resolve)));

  it('reads the filter syntax CatalogClient writes', () => {
    expect(parseFilterParams([])).toBeUndefined();
    expect(parseFilterParams(['kind=Component'])).toEqual({
      kind: 'Component',
    });
    expect(
      parseFilterParams([
        'kind=Component,relations.ownedBy=group:default/a,relations.ownedBy=group:default/b',
        'kind=Group,spec.type',
      ]),
    ).toEqual([
      {
        kind: 'Component',
        'relations.ownedBy': ['group:default/a', 'group:default/b'],
      },
      { kind: 'Group', 'spec.type': CATALOG_FILTER_EXISTS },
    ]);
    expect(
      parseFilterParams([
        'metadata.annotations.backstage.io/source-location=url:https://x/y?a=b',
      ]),
    ).toEqual({
      'metadata.annotations.backstage.io/source-location':
        'url:https://x/y?a=b',
    });
  });

  it.each<[string, GetEntitiesRequest]>([
    ['everything', {}],
    [
      'components, some fields',
      { filter: { kind: 'Component' }, fields: FIELDS },
    ],
    ['groups', { filter: { kind: 'Group' } }],
    [
      'a system of a domain (none)',
      {
        filter: { kind: 'System', 'relations.partOf': 'domain:default/x' },
        fields: FIELDS,
      },
    ],
    [
      "two teams' components",
      {
        filter: {
          kind: 'Component',
          'relations.ownedBy': [
            'group:default/team-0-0',
            'GROUP:default/team-1-0',
          ],
        },
        fields: FIELDS,
      },
    ],
    [
      'alternatives',
      {
        filter: [
          { kind: 'Group', 'spec.type': 'team' },
          { kind: 'Component', 'relations.ownedBy': 'group:default/team-2-0' },
        ],
      },
    ],
    ['a key that exists', { filter: { 'spec.parent': CATALOG_FILTER_EXISTS } }],
    [
      'ordered, a page',
      {
        filter: { kind: 'Component' },
        order: { field: 'metadata.name', order: 'desc' as const },
        offset: 3,
        limit: 5,
      },
    ],
  ])(
    'getEntities: %s, as the in-memory catalog answers',
    async (name, request) => {
      const catalog = catalogOverHttp(baseUrl, mockServices.auth());
      const { items } = await catalog.getEntities(request, { credentials });
      expect(items).toEqual((await expected.getEntities(request)).items);
      // Only the domain has no systems here; an empty answer elsewhere would prove nothing.
      expect(items.length === 0).toBe(name.startsWith('a system'));
    },
  );

  it('getEntitiesByRefs keeps order and leaves unknown refs undefined', async () => {
    const catalog = catalogOverHttp(baseUrl, mockServices.auth());
    const request = {
      entityRefs: [
        'component:default/svc-3',
        'component:default/nope',
        'group:default/team-1-1',
      ],
      fields: FIELDS,
    };
    const { items } = await catalog.getEntitiesByRefs(request, {
      credentials,
    });
    expect(items).toEqual((await expected.getEntitiesByRefs(request)).items);
    expect(items[1]).toBeUndefined();
    expect(items[0]?.metadata.name).toBe('svc-3');
  });

  it('getEntityByRef finds an entity, and a 404 is undefined', async () => {
    const catalog = catalogOverHttp(baseUrl, mockServices.auth());
    expect(
      await catalog.getEntityByRef('component:default/svc-7', { credentials }),
    ).toEqual(await expected.getEntityByRef('component:default/svc-7'));
    expect(
      await catalog.getEntityByRef('component:default/svc-999', {
        credentials,
      }),
    ).toBeUndefined();
    const response = await fetch(
      `${baseUrl}/entities/by-name/component/default/svc-999`,
    );
    expect(response.status).toBe(404);
  });

  it('refuses a route it does not play rather than answering it quietly', async () => {
    const response = await fetch(`${baseUrl}/entities/by-query`);
    expect(response.status).toBe(501);
  });
});
