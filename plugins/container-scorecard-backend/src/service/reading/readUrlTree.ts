import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  classifyContainerFile,
  kustomizeJsonPatchPaths,
  oversizedYamlKind,
  type LimitReached,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ByteBudget, compareReadPriority } from './byteBudget';
import { createCandidateFilter, MAX_JSON_PATCH_BYTES } from './candidateFiles';
import { PEEK_BYTES, repositoryFilesReached } from './readLimits';
import type { ReadTreeOptions, RepositoryTree, TreeFile } from './types';
import { yieldToEventLoop } from './walkLocalTree';

/** JSON files held per repository while its kustomizations are not yet known. */
const MAX_REFERENCE_BYTES = 2 * 1024 * 1024;

/**
 * Reads the candidate files of a repository through Backstage's URL readers (GitHub, GitLab,
 * Bitbucket, Azure, Gerrit, ...). The filter runs before anything is extracted, so only candidate
 * files are fetched; the previous ETag makes an unchanged repository throw `NotModifiedError`.
 *
 * The filter sees every path of the archive, in the archive's order: it counts them against
 * `maxRepositoryFiles` and admits file contents against the entity's byte budget, so what the
 * reader holds in memory (readers buffer every admitted file) never exceeds that budget by more
 * than one file of at most `maxFileBytes`.
 */
export async function readUrlTree(
  urlReader: UrlReaderService,
  url: string,
  options: ReadTreeOptions,
): Promise<RepositoryTree> {
  const decide = createCandidateFilter(options);
  const budget = new ByteBudget(options.maxEntityBytes);
  const listed = new Set<string>();
  const peeked = new Set<string>();
  const unmeasured = new Set<string>();
  const oversized: RepositoryTree['oversized'] = [];
  // Small JSON files held until the kustomizations are read (see `keepReferenced`).
  const references = new Set<string>();
  let referenceBytes = 0;
  let entries = 0;
  const response = await urlReader.readTree(url, {
    etag: options.etag,
    signal: options.signal as any,
    filter: (path, info) => {
      if (++entries > options.maxRepositoryFiles) return false;
      const decision = decide(path, info?.size);
      if (decision === 'oversized') {
        oversized.push({ path, size: info?.size ?? 0 });
      }
      // Only its existence matters: never fetched, so a huge one costs nothing.
      if (decision === 'list') listed.add(path);
      if (decision === 'peek') {
        // Fetched whole whatever its size: only when it fits in what is left of the budget.
        if (!budget.admit(path, info?.size ?? 0, true)) return false;
        peeked.add(path);
        return true;
      }
      if (decision === 'reference') {
        // The archive comes in no useful order, so the kustomization naming a JSON patch may
        // come after it: candidates are held, within a bound of their own, and the unnamed
        // ones dropped after the read without spending the entity's budget.
        const size = info?.size ?? MAX_JSON_PATCH_BYTES;
        if (referenceBytes + size > MAX_REFERENCE_BYTES) return false;
        referenceBytes += size;
        references.add(path);
        return true;
      }
      if (decision !== 'read') return false;
      if (info?.size === undefined) {
        // Readers that cannot tell sizes up front are measured after the fact, below.
        unmeasured.add(path);
        return true;
      }
      return budget.admit(path, info.size);
    },
  });

  // Archive readers run the filter while `files()` streams the archive, not before.
  const fetched = (await response.files()).sort((a, b) =>
    compareReadPriority(a.path, b.path),
  );
  const limitsReached: LimitReached[] = [];
  if (entries > options.maxRepositoryFiles) {
    limitsReached.push(
      repositoryFilesReached(
        options.maxRepositoryFiles,
        entries - options.maxRepositoryFiles,
        true,
      ),
    );
  }
  const files: TreeFile[] = [...listed].map(path => ({ path }));
  const held: { path: string; content: string }[] = [];
  for (const file of fetched) {
    options.signal?.throwIfAborted();
    const content = await file.content();
    if (references.has(file.path)) {
      if (content.length <= MAX_JSON_PATCH_BYTES)
        held.push({ path: file.path, content: content.toString('utf8') });
      continue;
    }
    if (peeked.has(file.path)) {
      const head = content.subarray(0, PEEK_BYTES).toString('utf8');
      const kind = oversizedYamlKind(head);
      if (kind) oversized.push({ path: file.path, size: content.length, kind });
      continue;
    }
    if (content.length > options.maxFileBytes) {
      const isYaml =
        classifyContainerFile(file.path) === 'kubernetes-candidate';
      const kind = isYaml
        ? oversizedYamlKind(content.subarray(0, PEEK_BYTES).toString('utf8'))
        : undefined;
      if (!isYaml || kind) {
        oversized.push({
          path: file.path,
          size: content.length,
          ...(kind ? { kind } : {}),
        });
      }
      continue;
    }
    if (unmeasured.has(file.path) && !budget.admit(file.path, content.length)) {
      continue;
    }
    files.push({ path: file.path, content: content.toString('utf8') });
    await yieldToEventLoop();
  }
  files.push(...keepReferenced(held, files, budget));
  const bytesReached = budget.limitReached();
  if (bytesReached) limitsReached.push(bytesReached);
  files.sort((a, b) => a.path.localeCompare(b.path));
  oversized.sort((a, b) => a.path.localeCompare(b.path));
  return {
    etag: response.etag,
    files,
    oversized,
    browseBaseUrl: url.endsWith('/') ? url : `${url}/`,
    ...(limitsReached.length > 0 ? { limitsReached } : {}),
  };
}

/** The held JSON files a kustomization names (JSON 6902 patches), within the byte budget. */
function keepReferenced(
  held: { path: string; content: string }[],
  files: readonly TreeFile[],
  budget: ByteBudget,
): TreeFile[] {
  const wanted = new Set(
    kustomizeJsonPatchPaths(new Map(files.map(f => [f.path, f.content]))),
  );
  return held.filter(
    file =>
      wanted.has(file.path) && budget.admit(file.path, file.content.length),
  );
}
