import type { LimitReached } from '@container-scorecard/plugin-container-scorecard-common';

/** A file of a repository; `content` is absent for files that are only listed. */
export interface TreeFile {
  path: string;
  content?: string;
}

/** The candidate files of one repository at one version. */
export interface RepositoryTree {
  /** Identifies this version; passed back next time so an unchanged tree is not read again. */
  etag: string;
  files: TreeFile[];
  /**
   * Container definitions too large to fetch; `kind` when the head told it (a YAML file whose name
   * does not say, such as a compose file called `stack.yml`).
   */
  oversized: { path: string; size: number; kind?: 'kubernetes' | 'compose' }[];
  /**
   * Container definitions that were found but deliberately not read, each with the reason (a
   * symbolic link leading outside the allowed directories). Reported, never silently dropped.
   */
  refused?: { path: string; reason: string }[];
  /** Base URL for links to files, when the source is browsable. */
  browseBaseUrl?: string;
  /**
   * The extra sources whose files are under a prefix (`@<label>/`): the source's label and
   * location (shown per file) and the base URL of links into it (none: no links).
   */
  browseBaseUrls?: {
    prefix: string;
    url?: string;
    label?: string;
    location?: string;
  }[];
  /**
   * Reading limits this tree reached (entries looked at, depth, bytes read): the tree is partial
   * and each entry says what was left out. Absent when the tree is complete.
   */
  limitsReached?: LimitReached[];
}

/** The limits of one tree read, from `containerScorecard.limits`. */
export interface ReadLimits {
  /** Files above this size are not read (reported as oversized when they are definitions). */
  maxFileBytes: number;
  /** Entries (files and directories) looked at per repository. */
  maxRepositoryFiles: number;
  /** Bytes of file content read per entity, all files together. */
  maxEntityBytes: number;
}

/** Options for one tree read. */
export interface ReadTreeOptions extends ReadLimits {
  etag?: string;
  signal?: AbortSignal;
  paths?: string[];
}
