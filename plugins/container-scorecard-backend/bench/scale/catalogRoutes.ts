/*
 * The catalog's read routes for the readers phase's catalog stand-in (catalogServer.ts): the
 * routes of the catalog's REST API that CatalogClient calls for getEntities, getEntitiesByRefs
 * and getEntityByRef, answered from the indexed answers of benchCatalog.ts (each distinct query
 * computed once, its JSON sent as-is; single entities from a map by ref).
 */
// The real catalog client is what is measured; it comes with plugin-catalog-node, and bench/ is
// not published, so it is not declared in package.json (it belongs in devDependencies).
// eslint-disable-next-line @backstage/no-undeclared-imports
import {
  CATALOG_FILTER_EXISTS,
  EntityFilterQuery,
  EntityOrderQuery,
  GetEntitiesByRefsRequest,
  GetEntitiesRequest,
} from '@backstage/catalog-client';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { buildCatalog, indexedCatalogAnswers } from './benchCatalog';

/** A request the catalog would refuse with 400. */
class BadRequest extends Error {}

/** Where the catalog's routes are mounted, as in a backend (`/api/<pluginId>`). */
export const CATALOG_BASE_PATH = '/api/catalog';

/**
 * The catalog's `filter` query parameters as the filter they were written from: each parameter
 * is one alternative (alternatives are OR'ed), its comma-separated conditions are AND'ed, and a
 * key given several times in one alternative matches any of its values. A condition without `=`
 * asks only that the key exist. Undefined when there is no filter.
 */
export function parseFilterParams(
  params: string[],
): EntityFilterQuery | undefined {
  const alternatives: Record<string, string | symbol | (string | symbol)[]>[] =
    [];
  for (const param of params) {
    const alternative: Record<string, (string | symbol)[]> = {};
    for (const condition of param.split(',')) {
      const equals = condition.indexOf('=');
      const key = (equals < 0 ? condition : condition.slice(0, equals)).trim();
      if (!key) continue;
      const value =
        equals < 0 ? CATALOG_FILTER_EXISTS : condition.slice(equals + 1).trim();
      (alternative[key] ??= []).push(value);
    }
    const entries = Object.entries(alternative);
    if (entries.length === 0) continue;
    alternatives.push(
      Object.fromEntries(
        entries.map(([key, values]) => [
          key,
          values.length === 1 ? values[0] : values,
        ]),
      ),
    );
  }
  if (alternatives.length === 0) return undefined;
  return (
    alternatives.length === 1 ? alternatives[0] : alternatives
  ) as EntityFilterQuery;
}

/** The `fields` parameters, comma-separated or repeated; undefined when none. */
function parseFields(params: string[]): string[] | undefined {
  const fields = params
    .flatMap(param => param.split(','))
    .map(field => field.trim())
    .filter(Boolean);
  return fields.length ? fields : undefined;
}

/** `order=asc:metadata.name` parameters; undefined when none. */
function parseOrder(params: string[]): EntityOrderQuery | undefined {
  const order = params.map(param => {
    const colon = param.indexOf(':');
    const direction = param.slice(0, colon);
    if (colon < 0 || (direction !== 'asc' && direction !== 'desc')) {
      throw new BadRequest(`Invalid order ${param}`);
    }
    return {
      order: direction as 'asc' | 'desc',
      field: param.slice(colon + 1),
    };
  });
  return order.length ? order : undefined;
}

function parseCount(value: string | null, name: string) {
  if (value === null) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new BadRequest(`Invalid ${name} ${value}`);
  }
  return n;
}

/** The `GET /entities` request its query string was written from, absent keys left out. */
export function parseEntitiesQuery(query: URLSearchParams): GetEntitiesRequest {
  const request: GetEntitiesRequest = {
    filter: parseFilterParams(query.getAll('filter')),
    fields: parseFields(query.getAll('fields')),
    order: parseOrder(query.getAll('order')),
    offset: parseCount(query.get('offset'), 'offset'),
    limit: parseCount(query.get('limit'), 'limit'),
    after: query.get('after') ?? undefined,
  };
  return Object.fromEntries(
    Object.entries(request).filter(([, value]) => value !== undefined),
  );
}

function send(response: ServerResponse, status: number, body: string) {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}

/** An error body in the shape Backstage backends send. */
function sendError(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  name: string,
  message: string,
) {
  send(
    response,
    status,
    JSON.stringify({
      error: { name, message },
      request: { method: request.method, url: request.url },
      response: { statusCode: status },
    }),
  );
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** The catalog's read routes over the indexed answers of `entities` entities. */
export function createCatalogServer(entityCount: number) {
  const answers = indexedCatalogAnswers(buildCatalog(entityCount));
  const byName = new RegExp(
    `^${CATALOG_BASE_PATH}/entities/by-name/([^/]+)/([^/]+)/([^/]+)$`,
  );
  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://catalog');
      const path = url.pathname;
      if (
        request.method === 'GET' &&
        path === `${CATALOG_BASE_PATH}/entities`
      ) {
        send(
          response,
          200,
          await answers.entities(parseEntitiesQuery(url.searchParams)),
        );
        return;
      }
      if (
        request.method === 'POST' &&
        path === `${CATALOG_BASE_PATH}/entities/by-refs`
      ) {
        let body: { entityRefs?: unknown; fields?: unknown; query?: unknown };
        try {
          body = JSON.parse(await readBody(request));
        } catch {
          throw new BadRequest('The body is not JSON');
        }
        if (
          !Array.isArray(body.entityRefs) ||
          body.entityRefs.some(ref => typeof ref !== 'string')
        ) {
          throw new BadRequest('entityRefs must be a list of entity refs');
        }
        const fields = Array.isArray(body.fields)
          ? parseFields(body.fields.map(String))
          : undefined;
        const filter = parseFilterParams(url.searchParams.getAll('filter'));
        send(
          response,
          200,
          await answers.entitiesByRefs({
            entityRefs: body.entityRefs,
            ...(fields && { fields }),
            ...(filter && { filter }),
            ...(body.query !== undefined && {
              query: body.query as GetEntitiesByRefsRequest['query'],
            }),
          }),
        );
        return;
      }
      const named = request.method === 'GET' ? byName.exec(path) : null;
      if (named) {
        const [kind, namespace, name] = named
          .slice(1)
          .map(part => decodeURIComponent(part));
        const entity = answers.entity({ kind, namespace, name });
        if (entity) send(response, 200, entity);
        else {
          sendError(
            request,
            response,
            404,
            'NotFoundError',
            `No entity named '${name}' found, with kind '${kind}' in namespace '${namespace}'`,
          );
        }
        return;
      }
      // Any other route is one this stand-in does not play: say so loudly, a use the plugin
      // starts making must show as failed requests, not as a quiet empty answer.
      sendError(
        request,
        response,
        501,
        'NotImplementedError',
        `The catalog stand-in does not answer ${request.method} ${path}`,
      );
    } catch (error) {
      const bad =
        error instanceof BadRequest || (error as Error).name === 'InputError';
      sendError(
        request,
        response,
        bad ? 400 : 500,
        bad ? 'InputError' : 'Error',
        String((error as Error).message ?? error),
      );
    }
  });
}
