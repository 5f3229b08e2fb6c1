import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { catalogEntityReadPermission } from '@backstage/plugin-catalog-common/alpha';
import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { Readable } from 'node:stream';
import { SCORECARD_SEARCH_TYPE, type ScorecardSearchDocument } from './types';

/** A scorecard search document as indexed: with its entity for permission filtering. */
export type IndexableScorecardDocument = IndexableDocument &
  ScorecardSearchDocument;

/**
 * Collates one search document per scanned entity (its grade, score and findings) from the
 * Container Scorecard backend, a page at a time. Each document carries its entity as
 * `authorization.resourceRef` and the factory declares catalog read as its visibility
 * permission, so the search backend shows a result only to those who may read the entity in
 * the catalog, as it does for the catalog's own documents.
 *
 * @public
 */
export class ScorecardCollatorFactory implements DocumentCollatorFactory {
  readonly type = SCORECARD_SEARCH_TYPE;
  readonly visibilityPermission = catalogEntityReadPermission;

  constructor(
    private readonly options: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger?: LoggerService;
      /** Documents per request; the backend accepts up to 200. */
      pageSize?: number;
    },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<IndexableScorecardDocument> {
    const { discovery, auth } = this.options;
    const baseUrl = await discovery.getBaseUrl('container-scorecard');
    const limit = this.options.pageSize ?? 50;
    let after: string | undefined;
    let count = 0;
    do {
      // A fresh token per page: a long collation must not outlive the first one.
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'container-scorecard',
      });
      const query = new URLSearchParams({ limit: String(limit) });
      if (after) query.set('after', after);
      const response = await fetch(`${baseUrl}/search/documents?${query}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      if (!response.ok) throw await ResponseError.fromResponse(response);
      const page = (await response.json()) as {
        items: ScorecardSearchDocument[];
        nextAfter?: string;
      };
      for (const document of page.items) {
        count += 1;
        yield {
          ...document,
          authorization: { resourceRef: document.entityRef },
        };
      }
      after = page.nextAfter;
    } while (after);
    this.options.logger?.info(
      `Collated ${count} container scorecard documents`,
    );
  }
}
