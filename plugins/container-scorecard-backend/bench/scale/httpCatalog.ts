import { AuthService } from '@backstage/backend-plugin-api';
// The real catalog client is what is measured; it comes with plugin-catalog-node, and bench/ is
// not published, so it is not declared in package.json (it belongs in devDependencies).
// eslint-disable-next-line @backstage/no-undeclared-imports
import { CatalogClient } from '@backstage/catalog-client';
import {
  CatalogService,
  CatalogServiceRequestOptions,
} from '@backstage/plugin-catalog-node';

/**
 * The CatalogService a backend's plugin gets by default, over the catalog at `baseUrl`: the
 * real CatalogClient (its own fetch, as the default factory leaves it) with the caller's
 * credentials exchanged for a token to the catalog on every call, as plugin-catalog-node's
 * default service does. So the plugin pays for the request and for parsing the catalog's JSON
 * answer, and holds none of the catalog's data. Only the calls the plugin makes are wrapped.
 */
export function catalogOverHttp(
  baseUrl: string,
  auth: AuthService,
): CatalogService {
  const client = new CatalogClient({
    discoveryApi: { getBaseUrl: async () => baseUrl },
  });
  const tokenFor = (options: CatalogServiceRequestOptions) =>
    auth.getPluginRequestToken({
      onBehalfOf: options.credentials,
      targetPluginId: 'catalog',
    });
  const catalog: Pick<
    CatalogService,
    'getEntities' | 'getEntitiesByRefs' | 'getEntityByRef'
  > = {
    getEntities: async (request, options) =>
      client.getEntities(request, await tokenFor(options)),
    getEntitiesByRefs: async (request, options) =>
      client.getEntitiesByRefs(request, await tokenFor(options)),
    getEntityByRef: async (ref, options) =>
      client.getEntityByRef(ref, await tokenFor(options)),
  };
  return catalog as CatalogService;
}
