import type { ScorecardConfig } from '../config/ScorecardConfig';
import { capFindingsPerRule } from '../limits/capFindingsPerRule';
import type {
  FileResult,
  Finding,
  LimitReached,
  SourceRange,
} from '../model/types';
import type { ShellParser } from '../parsing/shell/createShellParser';
import type {
  ParsedFile,
  RepositoryContext,
  RepositoryFile,
  RuleMetadata,
  RuleReport,
  RuleSettings,
} from '../rules/framework/ruleTypes';
import { gradeOf } from '../scoring/scoringModel';
import { compareStrings } from '../scoring/stableHash';
import { countBySeverity, scoreFindings } from '../scoring/scoreFindings';
import { fixPreviewOf } from '../fixes/fixPreview';
import { applySuppressions } from '../suppressions/applySuppressions';
import { directivesOfFile } from '../suppressions/directivesOfFile';
import type { EffectiveRule } from './effectiveRules';
import { deployToolImagesOf } from './context/deployToolImages';
import { imagesOfFile } from './imagesOfFile';
import { parseContainerFile, type ParseLimits } from './parseContainerFile';
import { builtInRenderers } from './rendered/builtInRenderers';
import { mapRenderedResult } from './rendered/mapRenderedResult';
import type {
  RenderLimits,
  RenderOptions,
  SourceRenderer,
} from './rendered/renderedSources';
import {
  renderLimitsOf,
  renderRepositorySources,
  type RenderedSources,
} from './rendered/renderRepositorySources';

interface AnalyzerDependencies {
  shellParser: ShellParser;
  rules: EffectiveRule[];
  config: ScorecardConfig;
  limits: ParseLimits & { maxFindingsPerRule: number } & Partial<RenderLimits>;
  /** Renderers of charts and overlays (see `rendered/renderedSources.ts`); the built-in ones by default. */
  renderers?: readonly SourceRenderer[];
  rulesetVersion: string;
  now: () => Date;
}

/**
 * Callbacks told, synchronously, where a repository analysis has got to. A worker thread relays
 * them to the main thread, which arms a per-file deadline on `fileStarted` and keeps each
 * `fileFinished` result in case the analysis is stopped before the end.
 *
 * @public
 */
export interface AnalysisProgress {
  fileStarted?(path: string): void;
  /** The file's own result, before repository-wide rules add to it. */
  fileFinished?(result: FileResult): void;
  /** Every file is done; the repository-wide rules run now. */
  repositoryRulesStarted?(): void;
}

const SNIPPET_MAX_LINES = 3;
const SNIPPET_MAX_CHARS = 300;

/** Runs rules on files and turns their reports into scored results. */
export function createFileAnalyzer(deps: AnalyzerDependencies) {
  const metadataById = new Map<string, RuleMetadata>(
    deps.rules.map(r => [r.metadata.id, r.metadata]),
  );
  const settings: RuleSettings = {
    trustedRegistries: deps.config.trustedRegistries ?? [],
  };

  function emptyResult(path: string, partial: Partial<FileResult>): FileResult {
    return {
      path,
      findings: [],
      counts: countBySeverity([]),
      suppressedCount: 0,
      images: [],
      rulesetVersion: deps.rulesetVersion,
      status: 'not-applicable',
      ...partial,
    };
  }

  /**
   * A finding without its snippet: the snippet is cut from the file only for the findings that
   * are listed, so the ones `maxFindingsPerRule` leaves out cost a counter, not a copy of text.
   */
  function toFinding(
    file: ParsedFile,
    metadata: RuleMetadata,
    report: RuleReport,
  ): Finding {
    return {
      ruleId: metadata.id,
      severity: metadata.severity,
      message: report.message ?? metadata.message,
      path: file.path,
      range: report.range,
      snippet: '',
      ...(report.fix ? { fix: report.fix } : {}),
    };
  }

  function runFileRules(file: ParsedFile, repository?: RepositoryContext) {
    const findings: Finding[] = [];
    const ruleErrors: { ruleId: string; message: string }[] = [];
    for (const { rule, metadata, options } of deps.rules) {
      if (rule.scope !== 'file' || !rule.appliesTo.includes(file.kind))
        continue;
      try {
        for (const report of rule.check({
          file,
          options,
          settings,
          ...(repository ? { repository } : {}),
        })) {
          findings.push(toFinding(file, metadata, report));
        }
      } catch (error) {
        ruleErrors.push({
          ruleId: rule.id,
          message: String((error as Error)?.message ?? error),
        });
      }
    }
    return { findings, ruleErrors };
  }

  /**
   * Waivers, ordering, score, then the per-rule cap: the last step for any analysed file. The
   * score and counts are computed before the cap, over every finding, so hiding findings never
   * improves a score; the cap comes after the waivers so the listed findings are the ones that
   * cost points.
   */
  function finish(
    file: ParsedFile,
    rawFindings: Finding[],
    ruleErrors: { ruleId: string; message: string }[],
    parseLimits: readonly LimitReached[] = [],
  ): FileResult {
    let directives: ReturnType<typeof directivesOfFile> = [];
    try {
      directives = directivesOfFile(file);
    } catch (error) {
      ruleErrors.push({
        ruleId: 'suppressions',
        message: String((error as Error)?.message ?? error),
      });
    }
    const suppressed = applySuppressions(
      rawFindings,
      directives,
      deps.config.waivers ?? [],
      metadataById,
      deps.now(),
    ).sort(byPosition);
    const scored = scoreFindings(
      suppressed,
      id => metadataById.get(id)?.pillar,
    );
    const capped = capFindingsPerRule(
      scored.findings,
      deps.limits.maxFindingsPerRule,
    );
    const limitsReached = [...parseLimits, ...capped.limitsReached];
    return {
      path: file.path,
      kind: file.kind,
      status: 'analysed',
      findings: capped.kept.map(finding => ({
        ...finding,
        snippet: snippetOf(file, finding.range),
        ...(finding.fix?.length
          ? { fixPreview: fixPreviewOf(file.lineIndex.text, finding.fix) }
          : {}),
      })),
      score: scored.score,
      grade: gradeOf(scored.score),
      pillarScores: scored.pillarScores,
      counts: scored.counts,
      suppressedCount: scored.suppressedCount,
      images: imagesOfFile(file),
      ...(limitsReached.length ? { limitsReached } : {}),
      ...(ruleErrors.length ? { ruleErrors } : {}),
      rulesetVersion: deps.rulesetVersion,
    };
  }

  function analyzeParsed(
    path: string,
    content: string,
    repository?: RepositoryContext,
  ): {
    result: FileResult;
    parsed?: ParsedFile;
    raw?: Finding[];
    errors?: { ruleId: string; message: string }[];
    parseLimits?: LimitReached[];
  } {
    const outcome = parseContainerFile(
      path,
      content,
      deps.shellParser,
      deps.limits,
    );
    if (outcome.status === 'not-applicable') {
      return {
        result: emptyResult(path, {
          kind: outcome.kind,
          status: 'not-applicable',
        }),
      };
    }
    if (outcome.status === 'could-not-analyse') {
      return {
        result: emptyResult(path, {
          kind: outcome.kind,
          status: 'could-not-analyse',
          error: outcome.error,
          ...(outcome.limitsReached
            ? { limitsReached: outcome.limitsReached }
            : {}),
        }),
      };
    }
    const { findings, ruleErrors } = runFileRules(outcome.file, repository);
    return {
      result: finish(
        outcome.file,
        [...findings],
        [...ruleErrors],
        outcome.limitsReached,
      ),
      parsed: outcome.file,
      raw: findings,
      errors: ruleErrors,
      parseLimits: outcome.limitsReached,
    };
  }

  type AnalysedEntry = ReturnType<typeof analyzeParsed> & {
    /** Maps a rendered manifest's result back to its sources. */
    remap?: (result: FileResult) => FileResult;
  };

  /** Analyses rendered manifests as Kubernetes files and maps their results to the sources. */
  function analyzeRendered(
    rendered: RenderedSources,
    read: (path: string) => string | undefined,
    repository: RepositoryContext,
    progress?: AnalysisProgress,
  ): AnalysedEntry[] {
    const entries: AnalysedEntry[] = rendered.failures.map(failure => ({
      result: emptyResult(failure.path, {
        kind: 'kubernetes',
        status: 'could-not-analyse',
        error: failure.error,
        rendering: failure.rendering,
      }),
    }));
    for (const { output, rendering } of rendered.outputs) {
      progress?.fileStarted?.(output.path);
      const remap = (result: FileResult) =>
        mapRenderedResult(result, output, rendering, read);
      const entry = guarded(
        output.path,
        () => analyzeParsed(output.path, output.content, repository),
        result => ({ result } as ReturnType<typeof analyzeParsed>),
      );
      const mapped = { ...entry, result: remap(entry.result), remap };
      progress?.fileFinished?.(mapped.result);
      if (mapped.result.status !== 'not-applicable') entries.push(mapped);
    }
    return entries;
  }

  function guarded<T>(
    path: string,
    work: () => T,
    fallback: (result: FileResult) => T,
  ): T {
    try {
      return work();
    } catch (error) {
      return fallback(
        emptyResult(path, {
          status: 'could-not-analyse',
          error: {
            code: 'internal-error',
            message: String((error as Error)?.message ?? error),
          },
        }),
      );
    }
  }

  return {
    analyzeFile(path: string, content: string): FileResult {
      return guarded(
        path,
        () => analyzeParsed(path, content).result,
        result => result,
      );
    },

    analyzeRepository(
      files: readonly { path: string; content?: string }[],
      progress?: AnalysisProgress,
      renderOptions: RenderOptions = {},
    ): FileResult[] {
      const rendered = renderRepositorySources(
        files,
        deps.renderers ?? builtInRenderers,
        renderOptions,
        renderLimitsOf(deps.limits),
      );
      const repository: RepositoryContext = {
        deployToolImages: deployToolImagesOf(files),
      };
      const analysed: AnalysedEntry[] = files.flatMap(input => {
        if (input.content === undefined) return [];
        if (rendered.consumed.has(input.path)) return [];
        progress?.fileStarted?.(input.path);
        const entry = guarded(
          input.path,
          () => analyzeParsed(input.path, input.content as string, repository),
          result => ({ result } as ReturnType<typeof analyzeParsed>),
        );
        progress?.fileFinished?.(entry.result);
        return entry.result.status === 'not-applicable' ? [] : [entry];
      });
      if (rendered.consumed.size > 0) {
        const contents = new Map(files.map(f => [f.path, f.content]));
        analysed.push(
          ...analyzeRendered(
            rendered,
            path => contents.get(path),
            repository,
            progress,
          ),
        );
      }
      // By path, once: a search per file and per finding made a repository of 20,000 entries
      // cost the square of its size.
      const analysedByPath = new Map<string, (typeof analysed)[number]>();
      for (const entry of analysed) {
        if (!analysedByPath.has(entry.result.path))
          analysedByPath.set(entry.result.path, entry);
      }
      const repositoryFiles: RepositoryFile[] = files.map(input => ({
        path: input.path,
        parsed: analysedByPath.get(input.path)?.parsed,
      }));
      progress?.repositoryRulesStarted?.();
      const extra = new Map<string, Finding[]>();
      const repoErrors: { path?: string; ruleId: string; message: string }[] =
        [];
      for (const { rule, metadata, options } of deps.rules) {
        if (rule.scope !== 'repository') continue;
        try {
          for (const report of rule.checkRepository({
            files: repositoryFiles,
            options,
            settings,
          })) {
            const target = analysedByPath.get(report.path);
            if (!target?.parsed) continue; // findings must attach to an analysed file
            const list = extra.get(report.path) ?? [];
            list.push(toFinding(target.parsed, metadata, report));
            extra.set(report.path, list);
          }
        } catch (error) {
          repoErrors.push({
            ruleId: rule.id,
            message: String((error as Error)?.message ?? error),
          });
        }
      }
      return analysed.map(entry => {
        const added = extra.get(entry.result.path);
        if (!entry.parsed || (!added && repoErrors.length === 0))
          return entry.result;
        const result = finish(
          entry.parsed,
          [...(entry.raw ?? []), ...(added ?? [])],
          [...(entry.errors ?? []), ...repoErrors],
          entry.parseLimits,
        );
        return entry.remap ? entry.remap(result) : result;
      });
    },
  };
}

function byPosition(a: Finding, b: Finding): number {
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareStrings(a.ruleId, b.ruleId)
  );
}

function snippetOf(file: ParsedFile, range: SourceRange): string {
  const start = range.start.line;
  const end = Math.min(range.end.line, start + SNIPPET_MAX_LINES - 1);
  const isEmpty =
    range.start.line === range.end.line &&
    range.start.column === range.end.column;
  let text = isEmpty
    ? file.lineIndex.lineText(start)
    : file.lineIndex.textOf({
        start: range.start,
        end:
          end < range.end.line
            ? { line: end, column: file.lineIndex.lineText(end).length + 1 }
            : range.end,
      });
  if (end < range.end.line) text += '\n…';
  return text.length > SNIPPET_MAX_CHARS
    ? `${text.slice(0, SNIPPET_MAX_CHARS)}…`
    : text;
}
