import { UrlReaderService } from '@backstage/backend-plugin-api';
import { createCandidateFilter } from './candidateFiles';
import type { ReadTreeOptions, RepositoryTree, TreeFile } from './types';

/**
 * Reads the candidate files of a repository through Backstage's URL readers (GitHub, GitLab,
 * Bitbucket, Azure, Gerrit, ...). The filter runs before anything is extracted, so only candidate
 * files are fetched; the previous ETag makes an unchanged repository throw `NotModifiedError`.
 */
export async function readUrlTree(
  urlReader: UrlReaderService,
  url: string,
  options: ReadTreeOptions,
): Promise<RepositoryTree> {
  const decide = createCandidateFilter(options);
  const listed = new Set<string>();
  const oversized: RepositoryTree['oversized'] = [];
  const response = await urlReader.readTree(url, {
    etag: options.etag,
    signal: options.signal as any,
    filter: (path, info) => {
      const decision = decide(path, info?.size);
      if (decision === 'oversized') {
        oversized.push({ path, size: info?.size ?? 0 });
      }
      if (decision === 'list') listed.add(path);
      return decision === 'read' || decision === 'list';
    },
  });
  const files: TreeFile[] = [];
  for (const file of await response.files()) {
    if (listed.has(file.path)) {
      files.push({ path: file.path });
      continue;
    }
    const content = await file.content();
    // Readers that cannot tell sizes up front are caught here, after the fact.
    if (content.length > options.maxFileBytes) {
      oversized.push({ path: file.path, size: content.length });
      continue;
    }
    files.push({ path: file.path, content: content.toString('utf8') });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return {
    etag: response.etag,
    files,
    oversized,
    browseBaseUrl: url.endsWith('/') ? url : `${url}/`,
  };
}
