import { ResponseError } from '@backstage/errors';
import {
  MockFetchApi,
  mockApis,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  analysedScorecard,
  historyOf,
  organisationReport,
  ruleCatalogue,
  teamScorecard,
} from '../__testUtils__/fixtures';
import { ContainerScorecardClient } from './ContainerScorecardClient';

const baseUrl = 'http://backend.test/api/container-scorecard';
const server = setupServer();
registerMswTestHooks(server);

const client = new ContainerScorecardClient({
  discoveryApi: mockApis.discovery({ baseUrl: 'http://backend.test' }),
  fetchApi: new MockFetchApi(),
});
const checkoutApi = {
  kind: 'Component',
  namespace: 'default',
  name: 'checkout-api',
};

function notFound(message: string) {
  return HttpResponse.json(
    // The shape of Backstage's default error handler.
    {
      error: { name: 'NotFoundError', message },
      response: { statusCode: 404 },
    },
    { status: 404 },
  );
}

describe('ContainerScorecardClient', () => {
  it('reads an entity scorecard by kind, namespace and name', async () => {
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/checkout-api/scorecard`,
        () => HttpResponse.json(analysedScorecard),
      ),
    );
    await expect(client.getEntityScorecard(checkoutApi)).resolves.toEqual(
      analysedScorecard,
    );
  });

  it('asks for the summaries of a table page in one request, the refs comma-separated', async () => {
    let url: URL | undefined;
    server.use(
      http.get(`${baseUrl}/entities/summaries`, ({ request }) => {
        url = new URL(request.url);
        return HttpResponse.json({ items: [] });
      }),
    );
    await expect(
      client.getEntitySummaries([
        'component:default/checkout-api',
        'component:default/ledger',
      ]),
    ).resolves.toEqual({ items: [] });
    expect(url?.searchParams.get('refs')).toBe(
      'component:default/checkout-api,component:default/ledger',
    );
  });

  it("asks for one page of one file's findings, the path encoded as a query parameter", async () => {
    let url: URL | undefined;
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/checkout-api/findings`,
        ({ request }) => {
          url = new URL(request.url);
          return HttpResponse.json({
            entityRef: 'component:default/checkout-api',
            path: 'deploy/compose & co.yaml',
            total: 0,
            offset: 100,
            limit: 50,
            items: [],
          });
        },
      ),
    );
    await expect(
      client.getFileFindings(checkoutApi, 'deploy/compose & co.yaml', {
        offset: 100,
        limit: 50,
      }),
    ).resolves.toMatchObject({ offset: 100, limit: 50, items: [] });
    expect(url?.searchParams.get('path')).toBe('deploy/compose & co.yaml');
    expect(url?.searchParams.get('offset')).toBe('100');
    expect(url?.searchParams.get('limit')).toBe('50');
  });

  it('turns an error response into a ResponseError with the backend message', async () => {
    server.use(
      http.get(`${baseUrl}/entities/component/default/ghost/scorecard`, () =>
        notFound('No entity component:default/ghost'),
      ),
    );
    const failure = client.getEntityScorecard({
      ...checkoutApi,
      name: 'ghost',
    });
    await expect(failure).rejects.toBeInstanceOf(ResponseError);
    await expect(failure).rejects.toMatchObject({
      statusCode: 404,
      body: { error: { message: 'No entity component:default/ghost' } },
    });
  });

  it('asks for the history of a period', async () => {
    let days: string | null = null;
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/checkout-api/history`,
        ({ request }) => {
          days = new URL(request.url).searchParams.get('days');
          return HttpResponse.json(historyOf('component:default/checkout-api'));
        },
      ),
    );
    const history = await client.getEntityHistory(checkoutApi, { days: 30 });
    expect(days).toBe('30');
    expect(history.points).toHaveLength(90);
  });

  it('rescans with a POST and returns the new scorecard', async () => {
    server.use(
      http.post(
        `${baseUrl}/entities/component/default/checkout-api/rescan`,
        () => HttpResponse.json({ ...analysedScorecard, score: 80 }),
      ),
    );
    await expect(client.rescanEntity(checkoutApi)).resolves.toMatchObject({
      score: 80,
    });
  });

  it('refuses a rescan the backend does not allow', async () => {
    server.use(
      http.post(
        `${baseUrl}/entities/component/default/checkout-api/rescan`,
        () =>
          HttpResponse.json(
            { error: { name: 'NotAllowedError', message: 'Unauthorized' } },
            { status: 403 },
          ),
      ),
    );
    await expect(client.rescanEntity(checkoutApi)).rejects.toMatchObject({
      statusCode: 403,
    });
  });

  it('sends every team query parameter, grades comma-separated', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/teams/default/checkout/scorecard`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json(teamScorecard({ offset: 50, limit: 25 }));
      }),
    );
    await client.getTeamScorecard(
      { namespace: 'default', name: 'checkout' },
      {
        days: 30,
        limit: 25,
        offset: 50,
        sort: 'score',
        order: 'desc',
        q: 'api',
        grade: ['D', 'F'],
        status: 'analysed',
      },
    );
    expect(Object.fromEntries(params!)).toEqual({
      days: '30',
      limit: '25',
      offset: '50',
      sort: 'score',
      order: 'desc',
      q: 'api',
      grade: 'D,F',
      status: 'analysed',
    });
  });

  it('leaves out empty filters', async () => {
    let search = 'unset';
    server.use(
      http.get(`${baseUrl}/teams/default/checkout/scorecard`, ({ request }) => {
        search = new URL(request.url).search;
        return HttpResponse.json(teamScorecard());
      }),
    );
    await client.getTeamScorecard(
      { namespace: 'default', name: 'checkout' },
      { q: '', grade: [] },
    );
    expect(search).toBe('');
  });

  it('encodes path segments', async () => {
    let path = '';
    server.use(
      http.get(`${baseUrl}/teams/:namespace/:name/scorecard`, ({ request }) => {
        path = new URL(request.url).pathname;
        return HttpResponse.json(teamScorecard());
      }),
    );
    await client.getTeamScorecard({ namespace: 'default', name: 'a b' });
    expect(path).toBe('/api/container-scorecard/teams/default/a%20b/scorecard');
  });

  it('reads the organisation report for a period and group', async () => {
    let params: URLSearchParams | undefined;
    server.use(
      http.get(`${baseUrl}/report`, ({ request }) => {
        params = new URL(request.url).searchParams;
        return HttpResponse.json(organisationReport);
      }),
    );
    const report = await client.getOrganisationReport({
      days: 30,
      group: 'group:default/commerce',
    });
    expect(report.coverage.services).toBe(13);
    expect(params?.get('days')).toBe('30');
    expect(params?.get('group')).toBe('group:default/commerce');
  });

  it('downloads the report as CSV text', async () => {
    server.use(
      http.get(
        `${baseUrl}/report/export.csv`,
        () =>
          new HttpResponse('entityRef,score\ncomponent:default/a,90\n', {
            headers: { 'Content-Type': 'text/csv' },
          }),
      ),
    );
    await expect(client.getReportCsv({ days: 90 })).resolves.toBe(
      'entityRef,score\ncomponent:default/a,90\n',
    );
  });

  it('fails the CSV export with a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/report/export.csv`, () =>
        HttpResponse.json(
          { error: { name: 'InputError', message: 'days must be <= 730' } },
          { status: 400 },
        ),
      ),
    );
    await expect(client.getReportCsv({ days: 9999 })).rejects.toBeInstanceOf(
      ResponseError,
    );
  });

  it('reads the rules, scan status and health', async () => {
    server.use(
      http.get(`${baseUrl}/rules`, () => HttpResponse.json(ruleCatalogue)),
      http.get(`${baseUrl}/scans/status`, () =>
        HttpResponse.json({ running: true }),
      ),
      http.get(`${baseUrl}/health`, () =>
        HttpResponse.json({ status: 'ok', database: 'ok' }),
      ),
    );
    await expect(client.getRules()).resolves.toEqual(ruleCatalogue);
    await expect(client.getScanStatus()).resolves.toEqual({ running: true });
    await expect(client.getHealth()).resolves.toEqual({
      status: 'ok',
      database: 'ok',
    });
  });

  it('reports a 500 from the rules route as a ResponseError', async () => {
    server.use(
      http.get(`${baseUrl}/rules`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'boom' } },
          { status: 500 },
        ),
      ),
    );
    await expect(client.getRules()).rejects.toMatchObject({
      name: 'ResponseError',
      statusCode: 500,
    });
  });
});
