import { open, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  aggregateFileResults,
  DEFAULT_LIMITS,
  isHelmTemplateHelper,
  oversizedYamlKind,
  sniffContainerKind,
  type AggregateScore,
  type ContainerFileKind,
  type FileResult,
  type RenderOptions,
  type RepositoryResult,
  type ScorecardConfig,
  type ScorecardEngine,
  type ScorecardInputFile,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  discoverFiles,
  enginePathFor,
  toDisplayPath,
  type CandidateFile,
} from './discovery/discoverFiles';
import { readKustomizeJsonPatches } from './discovery/readKustomizeJsonPatches';
import { compareText } from './compareText';

/** How many bytes of a file are read to sniff its kind or to check a huge YAML file. */
const HEAD_BYTES = 64 * 1024;

/** A container definition that was analysed (or that we tried to analyse). */
export interface AnalysedTarget {
  displayPath: string;
  /** Absent for standard input. */
  absolutePath?: string;
  /** The path the engine saw (differs for files named explicitly under another name). */
  enginePath: string;
  kind: ContainerFileKind;
  /** The text analysed; absent when the file was not read (too large, unreadable). */
  content?: string;
}

/** The outcome of one run over the given paths. */
export interface Analysis {
  results: FileResult[];
  aggregate: AggregateScore;
  rulesetVersion: string;
  targets: AnalysedTarget[];
  /** Files named explicitly that are not container definitions, and similar notes. */
  warnings: string[];
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

function kindOf(candidate: CandidateFile): ContainerFileKind | undefined {
  if (candidate.classification === 'kubernetes-candidate') return 'kubernetes';
  return candidate.classification;
}

function couldNotAnalyse(
  displayPath: string,
  kind: ContainerFileKind,
  rulesetVersion: string,
  code: 'file-too-large' | 'internal-error',
  message: string,
): FileResult {
  return {
    path: displayPath,
    kind,
    status: 'could-not-analyse',
    error: { code, message },
    findings: [],
    counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    suppressedCount: 0,
    images: [],
    rulesetVersion,
  };
}

/** Gives a result (and its findings) the path the user knows the file by. */
function withDisplayPath(result: FileResult, displayPath: string): FileResult {
  if (result.path === displayPath) return result;
  return {
    ...result,
    path: displayPath,
    findings: result.findings.map(f => ({ ...f, path: displayPath })),
  };
}

/**
 * Discovers, reads and analyses container definitions under `paths` in one repository-wide pass
 * (so repository rules see every file). Files over the size limit are not read at all: they get a
 * could-not-analyse result of their own.
 */
export async function analyzeTargets(options: {
  engine: ScorecardEngine;
  config: ScorecardConfig;
  cwd: string;
  paths: readonly string[];
  /** Forces the kind of explicitly named files and of standard input. */
  kind?: ContainerFileKind;
  /** Content of standard input, when `-` was given. */
  stdin?: string;
  /**
   * Runs the engine over the files; by default on this thread. The CLI passes a worker pool so
   * a file over its deadline (`--file-timeout`) can be stopped.
   */
  analyze?: (
    files: ScorecardInputFile[],
    renderOptions?: RenderOptions,
  ) => Promise<RepositoryResult>;
  /** Helm values files applied after each chart's values.yaml (`--helm-values`). */
  helmValues?: readonly string[];
}): Promise<Analysis> {
  const { engine } = options;
  const maxFileBytes =
    options.config.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const filePaths = options.paths.filter(p => p !== '-');
  const discovery = await discoverFiles({ cwd: options.cwd, paths: filePaths });
  // Links the walk did not follow out of the tree: said, not silently dropped.
  const warnings: string[] = [...discovery.notes];
  const targets: AnalysedTarget[] = [];
  const ownResults: FileResult[] = [];
  const inputs: ScorecardInputFile[] = [];

  for (const candidate of discovery.candidates) {
    let kind = kindOf(candidate);
    if (candidate.explicit) {
      if (options.kind) kind = options.kind;
      else if (!kind || kind === 'kubernetes') {
        const head = await readHead(candidate.absolutePath).catch(() => '');
        kind = sniffContainerKind(head) ?? kind;
      }
      if (!kind) {
        warnings.push(
          `${candidate.displayPath}: not recognised as a Dockerfile, compose file or Kubernetes manifest; skipped (use --kind to say what it is)`,
        );
        continue;
      }
    }
    if (!kind) continue;
    const target: AnalysedTarget = {
      displayPath: candidate.displayPath,
      absolutePath: candidate.absolutePath,
      enginePath: enginePathFor(candidate.displayPath, kind),
      kind,
    };
    if (candidate.size > maxFileBytes) {
      // Never read a huge file into memory; YAML files that are neither workloads nor compose
      // files are not ours.
      if (kind === 'kubernetes' && !candidate.explicit) {
        const head = await readHead(candidate.absolutePath).catch(() => '');
        const claimed = oversizedYamlKind(head);
        if (!claimed) continue;
        target.kind = claimed;
      }
      targets.push(target);
      ownResults.push(
        couldNotAnalyse(
          target.displayPath,
          target.kind,
          engine.rulesetVersion,
          'file-too-large',
          `The file is ${candidate.size} bytes, over the ${maxFileBytes}-byte limit (limits.maxFileBytes).`,
        ),
      );
      continue;
    }
    try {
      target.content = (await readFile(candidate.absolutePath)).toString(
        'utf8',
      );
    } catch (error) {
      targets.push(target);
      ownResults.push(
        couldNotAnalyse(
          target.displayPath,
          kind,
          engine.rulesetVersion,
          'internal-error',
          `The file could not be read: ${(error as Error).message}`,
        ),
      );
      continue;
    }
    targets.push(target);
    inputs.push({ path: target.enginePath, content: target.content });
  }

  if (options.paths.includes('-') && options.stdin !== undefined) {
    const kind =
      options.kind ??
      sniffContainerKind(options.stdin.slice(0, HEAD_BYTES)) ??
      'dockerfile';
    const target: AnalysedTarget = {
      displayPath: '-',
      enginePath: enginePathFor('stdin', kind),
      kind,
      content: options.stdin,
    };
    targets.push(target);
    inputs.push({ path: target.enginePath, content: target.content });
  }

  for (const path of discovery.contextPaths) {
    // A chart's helpers are read too: its templates include them.
    const content = isHelmTemplateHelper(path)
      ? await readSmallFile(resolve(options.cwd, path), maxFileBytes)
      : undefined;
    inputs.push(content === undefined ? { path } : { path, content });
  }
  await readKustomizeJsonPatches(options.cwd, inputs);
  const renderOptions = await helmValuesOptions(options, inputs, warnings);
  const repository = options.analyze
    ? await options.analyze(inputs, renderOptions)
    : engine.analyzeRepository(inputs, undefined, renderOptions);
  const byEnginePath = new Map(targets.map(t => [t.enginePath, t]));
  const analysed = repository.files.map(result => {
    const target = byEnginePath.get(result.path);
    return target ? withDisplayPath(result, target.displayPath) : result;
  });
  const results = [...analysed, ...ownResults].sort((a, b) =>
    compareText(a.path, b.path),
  );
  const shown = new Set(results.map(r => r.path));
  for (const target of targets) {
    if (!shown.has(target.displayPath) && target.absolutePath) {
      const candidate = discovery.candidates.find(
        c => c.absolutePath === target.absolutePath,
      );
      if (candidate?.explicit) {
        warnings.push(
          `${target.displayPath}: holds no ${
            target.kind === 'kubernetes' ? 'Kubernetes workload' : target.kind
          } to analyse; skipped`,
        );
      }
    }
  }
  return {
    results,
    aggregate: aggregateFileResults(results),
    rulesetVersion: engine.rulesetVersion,
    targets: targets.filter(t => shown.has(t.displayPath)),
    warnings,
  };
}

async function readSmallFile(
  path: string,
  maxBytes: number,
): Promise<string | undefined> {
  try {
    const content = await readFile(path);
    return content.length > maxBytes ? undefined : content.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * The `--helm-values` files as the engine names them; a file outside the scanned paths is read
 * here, one that does not exist is a warning (the chart renders without it).
 */
async function helmValuesOptions(
  options: {
    cwd: string;
    helmValues?: readonly string[];
    config: ScorecardConfig;
  },
  inputs: ScorecardInputFile[],
  warnings: string[],
): Promise<RenderOptions | undefined> {
  if (!options.helmValues?.length) return undefined;
  const maxBytes =
    options.config.limits?.maxFileBytes ?? DEFAULT_LIMITS.maxFileBytes;
  const helmValuesFiles: string[] = [];
  for (const given of options.helmValues) {
    const path = toDisplayPath(options.cwd, resolve(options.cwd, given));
    helmValuesFiles.push(path);
    if (
      inputs.some(input => input.path === path && input.content !== undefined)
    )
      continue;
    const content = await readSmallFile(resolve(options.cwd, given), maxBytes);
    if (content === undefined) {
      warnings.push(
        `${given}: the Helm values file could not be read; charts were rendered without it`,
      );
      continue;
    }
    inputs.push({ path, content });
  }
  return { helmValuesFiles };
}
