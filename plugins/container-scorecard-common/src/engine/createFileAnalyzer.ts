import type { ScorecardConfig } from '../config/ScorecardConfig';
import type { FileResult, Finding, SourceRange } from '../model/types';
import type { ShellParser } from '../parsing/shell/createShellParser';
import type {
  ParsedFile,
  RepositoryFile,
  RuleMetadata,
  RuleReport,
  RuleSettings,
} from '../rules/framework/ruleTypes';
import { gradeOf } from '../scoring/scoringModel';
import { compareStrings } from '../scoring/stableHash';
import { countBySeverity, scoreFindings } from '../scoring/scoreFindings';
import { applySuppressions } from '../suppressions/applySuppressions';
import { directivesOfFile } from '../suppressions/directivesOfFile';
import type { EffectiveRule } from './effectiveRules';
import { imagesOfFile } from './imagesOfFile';
import { parseContainerFile } from './parseContainerFile';

interface AnalyzerDependencies {
  shellParser: ShellParser;
  rules: EffectiveRule[];
  config: ScorecardConfig;
  limits: { maxFileBytes: number; maxYamlAliasCount: number };
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
      snippet: snippetOf(file, report.range),
      ...(report.fix ? { fix: report.fix } : {}),
    };
  }

  function runFileRules(file: ParsedFile) {
    const findings: Finding[] = [];
    const ruleErrors: { ruleId: string; message: string }[] = [];
    for (const { rule, metadata, options } of deps.rules) {
      if (rule.scope !== 'file' || !rule.appliesTo.includes(file.kind))
        continue;
      try {
        for (const report of rule.check({ file, options, settings })) {
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

  /** Waivers, ordering and score: the last step for any analysed file. */
  function finish(
    file: ParsedFile,
    rawFindings: Finding[],
    ruleErrors: { ruleId: string; message: string }[],
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
    return {
      path: file.path,
      kind: file.kind,
      status: 'analysed',
      findings: scored.findings,
      score: scored.score,
      grade: gradeOf(scored.score),
      pillarScores: scored.pillarScores,
      counts: scored.counts,
      suppressedCount: scored.suppressedCount,
      images: imagesOfFile(file),
      ...(ruleErrors.length ? { ruleErrors } : {}),
      rulesetVersion: deps.rulesetVersion,
    };
  }

  function analyzeParsed(
    path: string,
    content: string,
  ): {
    result: FileResult;
    parsed?: ParsedFile;
    raw?: Finding[];
    errors?: { ruleId: string; message: string }[];
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
        }),
      };
    }
    const { findings, ruleErrors } = runFileRules(outcome.file);
    return {
      result: finish(outcome.file, [...findings], [...ruleErrors]),
      parsed: outcome.file,
      raw: findings,
      errors: ruleErrors,
    };
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
    ): FileResult[] {
      const analysed = files.flatMap(input => {
        if (input.content === undefined) return [];
        progress?.fileStarted?.(input.path);
        const entry = guarded(
          input.path,
          () => analyzeParsed(input.path, input.content as string),
          result => ({ result } as ReturnType<typeof analyzeParsed>),
        );
        progress?.fileFinished?.(entry.result);
        return entry.result.status === 'not-applicable' ? [] : [entry];
      });
      const repositoryFiles: RepositoryFile[] = files.map(input => ({
        path: input.path,
        parsed: analysed.find(a => a.result.path === input.path)?.parsed,
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
            const target = analysed.find(
              a => a.parsed && a.result.path === report.path,
            );
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
        return finish(
          entry.parsed,
          [...(entry.raw ?? []), ...(added ?? [])],
          [...(entry.errors ?? []), ...repoErrors],
        );
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
