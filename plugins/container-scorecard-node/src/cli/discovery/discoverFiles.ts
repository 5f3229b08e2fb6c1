import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import {
  basename,
  dirname,
  isAbsolute,
  join,
  relative,
  resolve,
  sep,
} from 'node:path';
import {
  classifyContainerFile,
  type ContainerFileClassification,
  type ContainerFileKind,
} from '@container-scorecard/plugin-container-scorecard-common';
import { compareText } from '../compareText';
import { CliUsageError } from '../exitCodes';

/** Directories never walked into: dependencies, VCS data and vendored code. */
export const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', 'vendor']);

/** A file that may be a container definition. */
export interface CandidateFile {
  /** Path shown to the user: relative to the working directory, with `/` separators. */
  displayPath: string;
  absolutePath: string;
  size: number;
  /** From the file name; explicitly named files with other names are sniffed later. */
  classification?: ContainerFileClassification;
  /** Named on the command line rather than found by walking a directory. */
  explicit: boolean;
}

/** What the walk found. */
export interface Discovery {
  candidates: CandidateFile[];
  /**
   * Every other file seen (display paths): repository rules need them, for example to notice a
   * `.dockerignore` next to a Dockerfile.
   */
  contextPaths: string[];
  /** What the walk chose not to read, and why (links leading outside the given directory). */
  notes: string[];
}

/** A path relative to `cwd` with forward slashes, as results, SARIF and waivers use them. */
export function toDisplayPath(cwd: string, absolutePath: string): string {
  const rel = relative(cwd, absolutePath);
  const shown = rel === '' ? basename(absolutePath) : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return (
    rel === '' ||
    (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel))
  );
}

function isWalkedDirectory(entry: Dirent): boolean {
  return (
    entry.isDirectory() &&
    !SKIPPED_DIRECTORIES.has(entry.name) &&
    !entry.name.startsWith('.')
  );
}

/**
 * Finds container definitions under the given paths. Directories are walked (skipping
 * `node_modules`, `.git`, `vendor` and hidden directories unless named explicitly; symbolic links
 * to directories are not followed, so a loop cannot hang the walk); files are taken as named.
 * Only metadata is read here: contents are read later, after the size check.
 *
 * @throws CliUsageError when a path does not exist.
 */
export async function discoverFiles(options: {
  cwd: string;
  paths: readonly string[];
}): Promise<Discovery> {
  const candidates = new Map<string, CandidateFile>();
  const context = new Set<string>();
  const missing: string[] = [];
  const notes: string[] = [];

  const addFile = (absolutePath: string, size: number, explicit: boolean) => {
    const displayPath = toDisplayPath(options.cwd, absolutePath);
    const classification = classifyContainerFile(displayPath);
    if (classification || explicit) {
      const known = candidates.get(absolutePath);
      candidates.set(absolutePath, {
        displayPath,
        absolutePath,
        size,
        classification,
        explicit: explicit || (known?.explicit ?? false),
      });
    } else {
      context.add(displayPath);
    }
  };

  /**
   * Walks `directory`, part of the tree given as `root` (a real path). Links to directories are
   * never followed; links to files only when the file lies inside `root`: the CLI reads nothing
   * outside the tree it was given.
   */
  async function walk(directory: string, root: string): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(directory, { withFileTypes: true });
    } catch {
      return; // unreadable directory: nothing to analyse in it
    }
    entries.sort((a, b) => compareText(a.name, b.name));
    for (const entry of entries) {
      const path = join(directory, entry.name);
      if (isWalkedDirectory(entry)) {
        await walk(path, root);
      } else if (entry.isFile()) {
        const info = await stat(path).catch(() => undefined);
        if (info) addFile(path, info.size, false);
      } else if (entry.isSymbolicLink()) {
        const target = await realpath(path).catch(() => undefined);
        if (!target) continue; // dangling or looping link: nothing to read
        if (!isInside(root, target)) {
          notes.push(
            `${toDisplayPath(
              options.cwd,
              path,
            )}: symbolic link leading outside ${toDisplayPath(
              options.cwd,
              root,
            )}; not followed`,
          );
          continue;
        }
        const info = await stat(target).catch(() => undefined);
        if (info?.isFile()) addFile(path, info.size, false);
      }
    }
  }

  /** Sibling files of an explicitly named file, for repository rules. */
  async function addSiblings(file: string): Promise<void> {
    const directory = dirname(file);
    const entries = await readdir(directory, { withFileTypes: true }).catch(
      () => [] as Dirent[],
    );
    for (const entry of entries) {
      if (!entry.isFile()) continue;
      const path = join(directory, entry.name);
      if (path !== file && !candidates.has(path))
        context.add(toDisplayPath(options.cwd, path));
    }
  }

  for (const given of options.paths) {
    const absolutePath = resolve(options.cwd, given);
    const info = await stat(absolutePath).catch(() => undefined);
    if (!info) {
      missing.push(given);
    } else if (info.isDirectory()) {
      await walk(absolutePath, await realpath(absolutePath));
    } else if (info.isFile()) {
      addFile(absolutePath, info.size, true);
      await addSiblings(absolutePath);
    } else {
      missing.push(given);
    }
  }
  if (missing.length > 0) {
    throw new CliUsageError(
      missing.map(path => `${path}: no such file or directory`).join('\n'),
    );
  }
  for (const candidate of candidates.values())
    context.delete(candidate.displayPath);
  return {
    candidates: [...candidates.values()].sort((a, b) =>
      compareText(a.displayPath, b.displayPath),
    ),
    contextPaths: [...context].sort(),
    notes,
  };
}

/**
 * The path given to the engine for a file of a known kind. The engine classifies by name, so a
 * file the user named explicitly (or forced with `--kind`) gets a name the engine reads as that
 * kind; results are mapped back to the real path.
 */
export function enginePathFor(
  displayPath: string,
  kind: ContainerFileKind,
): string {
  const classification = classifyContainerFile(displayPath);
  const asKind =
    classification === 'kubernetes-candidate' ? 'kubernetes' : classification;
  if (asKind === kind) return displayPath;
  const slash = displayPath.lastIndexOf('/');
  const directory = slash >= 0 ? displayPath.slice(0, slash + 1) : '';
  const name = displayPath.slice(slash + 1);
  switch (kind) {
    case 'dockerfile':
      return `${displayPath}.Dockerfile`;
    case 'compose':
      return `${directory}compose.${name}.yaml`;
    default:
      return `${directory}k8s.${name}.yaml`;
  }
}
