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
  /** Container definitions too large to fetch. */
  oversized: { path: string; size: number }[];
  /** Base URL for links to files, when the source is browsable. */
  browseBaseUrl?: string;
}

/** Options for one tree read. */
export interface ReadTreeOptions {
  etag?: string;
  signal?: AbortSignal;
  paths?: string[];
  maxFileBytes: number;
}
