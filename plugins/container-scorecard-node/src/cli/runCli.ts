import { readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  builtInRules,
  imageRules,
  imageRuleSettingsOf,
  ScorecardConfigError,
  SEVERITIES,
  type ContainerFileKind,
  type RuleMetadata,
  type ScorecardConfig,
  type ScorecardEngine,
  type Severity,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  Command,
  CommanderError,
  InvalidArgumentError,
  Option,
} from 'commander';
import { createAnalysisPool, type AnalysisPool } from '../analysis';
import { createNodeScorecardEngine } from '../engine';
import { renderChartsWithHelmCommand } from '../helm';
import { analyzeTargets, type Analysis } from './analyzeTargets';
import { loadConfigFile } from './config/loadConfigFile';
import { CliUsageError, EXIT_CODES } from './exitCodes';
import { applyFixes, type FixReport } from './fix/applyFixes';
import { formatJson } from './formats/formatJson';
import {
  formatRulesJson,
  formatRulesTty,
  type ListedRule,
} from './formats/formatRules';
import { formatRulesMarkdown } from './formats/formatRulesMarkdown';
import { formatSarif } from './formats/formatSarif';
import { formatImagesTty } from './formats/images/formatImagesTty';
import { imageRuleMetadata } from './formats/images/imageRuleMetadata';
import {
  imageThresholdFailures,
  inspectImagesForCli,
} from './inspectImagesForCli';
import { createPalette, formatTty } from './formats/formatTty';
import type { ReportInput } from './formats/types';

/** Where the CLI reads and writes: the real process, or a test's buffers. */
export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** Reads standard input (for the `-` path). */
  readStdin?: () => Promise<string>;
}

interface ScanOptions {
  format: 'tty' | 'json' | 'sarif';
  failBelow?: number;
  failOn?: Severity;
  fix?: boolean;
  config?: string;
  color: boolean;
  strict?: boolean;
  kind?: ContainerFileKind;
  output?: string;
  /** Seconds; 0 analyses on the main thread with no deadline. */
  fileTimeout: number;
  /** Helm values files applied after each chart's values.yaml, in order. */
  helmValues?: string[];
  /** A `helm` binary that renders charts instead of the built-in renderer. */
  helmCommand?: string;
  /** Seconds per chart for `helmCommand`. */
  helmTimeout: number;
  /** Read the referenced images from their registries (docs/images.md). */
  inspectImages?: boolean;
}

/** Same defaults as the backend's `containerScorecard.helm`. */
const DEFAULT_HELM_TIMEOUT_SECONDS = 30;
const HELM_MAX_OUTPUT_BYTES = 4 * 1024 * 1024;
const MAX_TIMER_MS = 2_147_483_647;

/** Same default as the backend's `containerScorecard.analysis.fileTimeout`. */
const DEFAULT_FILE_TIMEOUT_SECONDS = 10;

const KINDS: ContainerFileKind[] = ['dockerfile', 'compose', 'kubernetes'];

function toolVersion(): string {
  try {
    return JSON.parse(
      readFileSync(
        resolvePackagePath(
          '@container-scorecard/plugin-container-scorecard-node',
          'package.json',
        ),
        'utf8',
      ),
    ).version;
  } catch {
    return '0.0.0';
  }
}

function parseScore(value: string): number {
  const score = Number(value);
  if (
    value.trim() === '' ||
    !Number.isFinite(score) ||
    score < 0 ||
    score > 100
  )
    throw new InvalidArgumentError('must be a number from 0 to 100.');
  return score;
}

function parseSeconds(value: string): number {
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds < 0)
    throw new InvalidArgumentError('must be a number of seconds, 0 or more.');
  return seconds;
}

function useColor(io: CliIo, requested: boolean): boolean {
  if (!requested || io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return Boolean(io.stdout.isTTY);
}

/**
 * All registered rules with the configuration applied: enabled or not, configured severity;
 * then the image rules, enabled unless `images.rules` turns them off.
 */
function listedRules(
  engine: ScorecardEngine,
  config: ScorecardConfig,
): ListedRule[] {
  const { disabledRules = [] } = imageRuleSettingsOf(config.images);
  const images = imageRules.map(rule => ({
    ...imageRuleMetadata(rule),
    enabled: !disabledRules.includes(rule.id),
  }));
  return [...fileRules(engine), ...images];
}

function fileRules(engine: ScorecardEngine): ListedRule[] {
  const inForce = new Map(engine.rules.map(r => [r.id, r]));
  return builtInRules.map(rule => {
    const effective = inForce.get(rule.id);
    const { scope: _scope, ...metadata } = rule as RuleMetadata & {
      scope: string;
      check?: unknown;
      checkRepository?: unknown;
    };
    delete metadata.check;
    delete metadata.checkRepository;
    return {
      ...metadata,
      severity: effective?.severity ?? rule.severity,
      enabled: effective !== undefined,
    };
  });
}

async function createEngine(
  io: CliIo,
  configPath: string | undefined,
): Promise<{ engine: ScorecardEngine; config: ScorecardConfig }> {
  const { config, path } = await loadConfigFile({
    cwd: io.cwd,
    explicitPath: configPath,
  });
  try {
    return { engine: await createNodeScorecardEngine({ config }), config };
  } catch (error) {
    if (error instanceof ScorecardConfigError)
      throw new CliUsageError(`${path ?? 'configuration'}: ${error.message}`);
    throw error;
  }
}

/** Which threshold, if any, the results cross. */
export function thresholdFailures(
  analysis: Analysis,
  options: { failBelow?: number; failOn?: Severity },
): string[] {
  const failures: string[] = [];
  const { aggregate } = analysis;
  if (
    options.failBelow !== undefined &&
    aggregate.status === 'scored' &&
    (aggregate.score ?? 0) < options.failBelow
  ) {
    failures.push(
      `score ${aggregate.score} is below --fail-below ${options.failBelow}`,
    );
  }
  if (options.failOn !== undefined) {
    const worst = SEVERITIES.slice(0, SEVERITIES.indexOf(options.failOn) + 1);
    const count = worst.reduce((sum, s) => sum + aggregate.counts[s], 0);
    if (count > 0) {
      failures.push(
        `${count} finding${count === 1 ? '' : 's'} at severity ${
          options.failOn
        } or worse (--fail-on ${options.failOn})`,
      );
    }
  }
  return failures;
}

async function scan(
  io: CliIo,
  paths: string[],
  options: ScanOptions,
): Promise<number> {
  const { engine, config } = await createEngine(io, options.config);
  // The deadline is enforced by ending a worker thread: synchronous engine code cannot be
  // interrupted any other way.
  const pool =
    options.fileTimeout > 0
      ? createAnalysisPool({
          workers: 1,
          config,
          rulesetVersion: engine.rulesetVersion,
          testHooks: analysisTestHooks(io),
        })
      : undefined;
  try {
    return await scanWith(io, paths, options, engine, config, pool);
  } finally {
    await pool?.close();
  }
}

/**
 * Lets the spawned-CLI tests mark a file that never finishes, to prove the deadline; honoured
 * only under a test runner (jest sets NODE_ENV=test, and the spawned CLI inherits it).
 */
function analysisTestHooks(io: CliIo) {
  const slowFileMarker = io.env.CONTAINER_SCORECARD_TEST_SLOW_FILE_MARKER;
  return io.env.NODE_ENV === 'test' && slowFileMarker
    ? { slowFileMarker }
    : undefined;
}

async function scanWith(
  io: CliIo,
  paths: string[],
  options: ScanOptions,
  engine: ScorecardEngine,
  config: ScorecardConfig,
  pool: AnalysisPool | undefined,
): Promise<number> {
  const stdin = paths.includes('-')
    ? (await io.readStdin?.()) ?? ''
    : undefined;
  const run = () =>
    analyzeTargets({
      engine,
      config,
      cwd: io.cwd,
      paths,
      kind: options.kind,
      stdin,
      helmValues: options.helmValues,
      analyze: withHelmCommand(
        options,
        pool
          ? (files, renderOptions) =>
              pool.analyzeEntity(
                files,
                {
                  fileTimeoutMs: options.fileTimeout * 1000,
                  entityTimeoutMs: Infinity,
                },
                { renderOptions },
              )
          : undefined,
        engine,
      ),
    });
  let analysis = await run();
  let fixes: FixReport[] | undefined;
  if (options.fix) {
    fixes = await applyFixes(analysis, engine);
    if (fixes.length > 0) {
      analysis = await run();
      for (const fix of fixes) {
        fix.scoreAfter = analysis.results.find(r => r.path === fix.path)?.score;
      }
    }
  }
  const inspected = options.inspectImages
    ? await inspectImagesForCli(analysis, config, io.env)
    : undefined;
  if (inspected) analysis = inspected.analysis;
  const images = inspected?.images;
  const input: ReportInput = {
    analysis,
    rules: new Map(engine.rules.map(r => [r.id, r])),
    toolVersion: toolVersion(),
    fixes,
    images,
    imageRules: inspected?.imageRules,
    settlements: inspected?.settlements,
  };
  const color = options.output ? false : useColor(io, options.color);
  const formatters = {
    json: () => formatJson(input),
    sarif: () => formatSarif(input, io.cwd),
    tty: () =>
      formatTty(input, createPalette(color)) +
      (images
        ? formatImagesTty(images, createPalette(color), inspected?.settlements)
        : ''),
  };
  const report = formatters[options.format]();
  if (options.output) {
    await writeFile(resolve(io.cwd, options.output), report, 'utf8');
  } else {
    io.stdout.write(report);
  }
  if (options.format !== 'tty') {
    for (const warning of analysis.warnings)
      io.stderr.write(`note: ${warning}\n`);
  }

  const unanalysed = analysis.results.filter(
    r => r.status === 'could-not-analyse',
  );
  if (options.strict && unanalysed.length > 0) {
    io.stderr.write(
      `${unanalysed.length} file${
        unanalysed.length === 1 ? '' : 's'
      } could not be analysed (--strict).\n`,
    );
    return EXIT_CODES.couldNotAnalyse;
  }
  // A file analysed only in part (YAML documents left out) has an incomplete score, like one not
  // analysed at all. Findings left out of the list are not that: they still count in the score.
  const partlyAnalysed = analysis.results.filter(r =>
    r.limitsReached?.some(l => l.limit !== 'findings-per-rule'),
  );
  if (options.strict && partlyAnalysed.length > 0) {
    io.stderr.write(
      `${partlyAnalysed.length} file${
        partlyAnalysed.length === 1 ? ' was' : 's were'
      } only partly analysed (--strict): ${partlyAnalysed
        .map(r => r.path)
        .join(', ')}.\n`,
    );
    return EXIT_CODES.couldNotAnalyse;
  }
  const failures = [
    ...thresholdFailures(analysis, options),
    ...imageThresholdFailures(images, options),
  ];
  if (failures.length > 0) {
    io.stderr.write(`Failed: ${failures.join('; ')}.\n`);
    return EXIT_CODES.thresholdFailed;
  }
  return EXIT_CODES.ok;
}

async function listRules(
  io: CliIo,
  options: {
    format: 'tty' | 'json' | 'markdown';
    config?: string;
    color: boolean;
    output?: string;
  },
): Promise<number> {
  const { engine, config } = await createEngine(io, options.config);
  const rules = listedRules(engine, config);
  const formatters = {
    json: () => formatRulesJson(rules, engine.rulesetVersion),
    markdown: () => formatRulesMarkdown(rules, engine.rulesetVersion),
    tty: () =>
      formatRulesTty(
        rules,
        createPalette(!options.output && useColor(io, options.color)),
      ),
  };
  const text = formatters[options.format]();
  if (options.output)
    await writeFile(resolve(io.cwd, options.output), text, 'utf8');
  else io.stdout.write(text);
  return EXIT_CODES.ok;
}

function buildProgram(io: CliIo, done: (code: number) => void) {
  const program = new Command('container-scorecard');
  const output = {
    writeOut: (text: string) => io.stdout.write(text),
    writeErr: (text: string) => io.stderr.write(text),
  };
  program
    .enablePositionalOptions()
    .description(
      'Scores Dockerfiles, compose files and Kubernetes manifests against the Container Scorecard rules.',
    )
    .version(toolVersion(), '-V, --version')
    .argument(
      '[paths...]',
      'files or directories to analyse ("-" reads standard input)',
      ['.'],
    )
    .addOption(
      new Option('-f, --format <format>', 'report format')
        .choices(['tty', 'json', 'sarif'])
        .default('tty'),
    )
    .option(
      '--fail-below <score>',
      'exit 1 when the overall score is below this (0-100)',
      parseScore,
    )
    .addOption(
      new Option(
        '--fail-on <severity>',
        'exit 1 when an unwaived finding has this severity or worse',
      ).choices([...SEVERITIES]),
    )
    .option('--fix', 'apply automatic fixes in place, then report again')
    .option(
      '-c, --config <file>',
      'configuration file (default: .container-scorecard.yaml in the current directory)',
    )
    .option('--no-color', 'plain text output')
    .option(
      '--strict',
      'exit 3 when a container definition could not be analysed',
    )
    .option(
      '--file-timeout <seconds>',
      'stop analysing a file after this long; it is reported as could not analyse (0: no limit)',
      parseSeconds,
      DEFAULT_FILE_TIMEOUT_SECONDS,
    )
    .addOption(
      new Option(
        '--kind <kind>',
        'treat explicitly named files (and standard input) as this kind',
      ).choices(KINDS),
    )
    .option(
      '-o, --output <file>',
      'write the report to a file instead of standard output',
    )
    .option(
      '--helm-values <file>',
      "a Helm values file applied after each chart's values.yaml (repeatable, in order)",
      (file: string, previous: string[] = []) => [...previous, file],
    )
    .option(
      '--helm-command <path>',
      'render Helm charts with this helm binary (helm template) instead of the built-in renderer',
    )
    .option(
      '--helm-timeout <seconds>',
      'longest run of --helm-command per chart',
      parseSeconds,
      DEFAULT_HELM_TIMEOUT_SECONDS,
    )
    .option(
      '--inspect-images',
      'read the referenced images from their registries and score them (registries from the configuration file and ~/.docker/config.json)',
    )
    .configureOutput(output)
    .exitOverride()
    .showHelpAfterError('(run container-scorecard --help for usage)')
    .action(async (paths: string[], options: ScanOptions) => {
      done(await scan(io, paths.length ? paths : ['.'], options));
    });

  program
    .command('rules')
    .description("lists every rule's metadata")
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(['tty', 'json', 'markdown'])
        .default('tty'),
    )
    .option('-c, --config <file>', 'configuration file')
    .option('--no-color', 'plain text output')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .configureOutput(output)
    .exitOverride()
    .action(async options => {
      done(await listRules(io, options));
    });
  return program;
}

/**
 * Runs the `container-scorecard` command line and resolves with the exit code (see
 * docs/cli.md); never calls `process.exit` itself, so tests can run it in process.
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  try {
    const program = buildProgram(io, code => {
      exitCode = code;
    });
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usageError;
    }
    if (error instanceof CliUsageError) {
      io.stderr.write(`container-scorecard: ${error.message}\n`);
      return EXIT_CODES.usageError;
    }
    io.stderr.write(
      `container-scorecard: internal error: ${
        (error as Error)?.stack ?? String(error)
      }\n`,
    );
    return EXIT_CODES.internalError;
  }
}

type Analyze = NonNullable<Parameters<typeof analyzeTargets>[0]['analyze']>;

/** With `--helm-command`, charts are rendered by that binary before the engine runs. */
function withHelmCommand(
  options: ScanOptions,
  analyze: Analyze | undefined,
  engine: ScorecardEngine,
): Analyze | undefined {
  const command = options.helmCommand;
  if (!command) return analyze;
  const run: Analyze =
    analyze ??
    (async (files, renderOptions) =>
      engine.analyzeRepository(files, undefined, renderOptions));
  return async (files, renderOptions) =>
    run(
      files,
      await renderChartsWithHelmCommand(files, renderOptions, {
        command,
        // 0: no limit (the longest timer Node keeps).
        timeoutMs: options.helmTimeout * 1000 || MAX_TIMER_MS,
        maxOutputBytes: HELM_MAX_OUTPUT_BYTES,
      }),
    );
}
