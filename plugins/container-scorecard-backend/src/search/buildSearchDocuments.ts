import { parseEntityRef } from '@backstage/catalog-model';
import type { RuleMetadata } from '@container-scorecard/plugin-container-scorecard-common';
import { ScorecardStore } from '../database/ScorecardStore';
import type { SearchableEntity } from '../database/SearchQueries';
import { entityTabPath } from '../service/links/entityTabPath';
import type { ScorecardSearchDocument } from './types';

/**
 * Distinct findings per document: enough for every rule and file of a real service to be
 * found, while one generated compose file cannot make a document of megabytes.
 */
export const FINDINGS_PER_DOCUMENT = 200;

/**
 * One page of search documents in entity ref order, read from the store a page at a time;
 * `nextAfter` continues after it and is absent on the last page.
 */
export async function buildSearchDocuments(options: {
  store: ScorecardStore;
  rules: ReadonlyMap<string, RuleMetadata>;
  after?: string;
  limit: number;
}): Promise<{ items: ScorecardSearchDocument[]; nextAfter?: string }> {
  const entities = await options.store.search.page({
    after: options.after,
    limit: options.limit,
    findingsPerEntity: FINDINGS_PER_DOCUMENT,
  });
  const items = entities.map(entity => toDocument(entity, options.rules));
  return entities.length === options.limit
    ? { items, nextAfter: entities[entities.length - 1].entityRef }
    : { items };
}

function toDocument(
  entity: SearchableEntity,
  rules: ReadonlyMap<string, RuleMetadata>,
): ScorecardSearchDocument {
  const name = entity.title ?? parseEntityRef(entity.entityRef).name;
  const headline =
    entity.grade !== undefined && entity.score !== undefined
      ? `Grade ${entity.grade}, score ${entity.score}.`
      : 'Not scored.';
  // Rule titles and ids, then each message with the file it is in: "mounts
  // /var/run/docker.sock" finds the service by its path as well as by the rule's name.
  const lines = entity.findings.map(finding => {
    const title = rules.get(finding.ruleId)?.title;
    const rule = title ? `${title} (${finding.ruleId})` : finding.ruleId;
    return `${rule}: ${finding.message} in ${finding.path}`;
  });
  const terms = pathSegments(lines);
  const document: ScorecardSearchDocument = {
    title: `${name}: container scorecard`,
    text: [headline, ...lines, ...(terms ? [terms] : [])].join('\n'),
    location: entityTabPath(entity.entityRef),
    entityRef: entity.entityRef,
  };
  if (entity.grade !== undefined) document.grade = entity.grade;
  if (entity.score !== undefined) document.score = entity.score;
  return document;
}

/**
 * The segments of the paths in `lines` (`docker.sock` of `/var/run/docker.sock:/var/run/...`),
 * once each. PostgreSQL's text search (the search backend's Postgres engine) reads a whole path
 * as one word, so without them "docker.sock" would not match `/var/run/docker.sock` there.
 */
function pathSegments(lines: string[]): string | undefined {
  const segments = new Set<string>();
  for (const line of lines) {
    for (const word of line.split(/\s+/)) {
      if (!/[/:]/.test(word)) continue;
      for (const segment of word.split(/[/:"'`,()[\]]+/)) {
        if (segment.length > 1) segments.add(segment);
      }
    }
  }
  return segments.size ? [...segments].join(' ') : undefined;
}
