/* eslint-disable no-console */
import {
  builtInRules,
  type ScorecardConfig,
  type ScorecardEngine,
  type ScorecardRule,
} from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '../src/engine';
import { readCorpus, type CorpusFile } from '../src/corpus/readCorpus';
import { runScalingSection } from './scaling/benchScaling';

/*
 * The engine benchmark (`npm run bench:engine`): one process, the whole shared corpus in memory,
 * analysed by the full engine and by the parse-only floor (Dockerfile + shell + YAML parsing, no
 * rules), on one core. Targets: full engine within 3x of parse-only, 500 Dockerfiles/s or more.
 * Then the scaling section (bench/scaling): generated files of growing size, where the time per
 * 1,000 lines must stay flat (largest/smallest <= 1.5).
 */

const REPETITIONS = Number(process.env.BENCH_REPETITIONS ?? 5);
/** `--scaling-only`: skip the corpus; `--no-scaling`: skip the generated inputs; `--quick`: no 100k sizes. */
const ARGS = new Set(process.argv.slice(2));

interface Measure {
  files: number;
  bytes: number;
  seconds: number;
}

function run(engine: ScorecardEngine, files: readonly CorpusFile[]): number {
  const start = process.hrtime.bigint();
  for (const file of files)
    engine.analyzeFile({ path: file.enginePath, content: file.content });
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/** The median of several timed passes after one warm-up pass. */
function measure(
  engine: ScorecardEngine,
  files: readonly CorpusFile[],
): Measure {
  run(engine, files);
  const times: number[] = [];
  for (let i = 0; i < REPETITIONS; i++) times.push(run(engine, files));
  times.sort((a, b) => a - b);
  return {
    files: files.length,
    bytes: files.reduce((sum, f) => sum + f.bytes, 0),
    seconds: times[Math.floor(times.length / 2)],
  };
}

function rate(m: Measure) {
  return {
    filesPerSecond: m.files / m.seconds,
    megabytesPerSecond: m.bytes / 1024 / 1024 / m.seconds,
  };
}

function line(label: string, m: Measure): string {
  const r = rate(m);
  return `${label.padEnd(34)} ${String(m.files).padStart(5)} files  ${(
    m.seconds * 1000
  )
    .toFixed(0)
    .padStart(6)} ms  ${r.filesPerSecond
    .toFixed(0)
    .padStart(7)} files/s  ${r.megabytesPerSecond.toFixed(2).padStart(6)} MB/s`;
}

/** Every rule off: what is left is classification, parsing, waivers and scoring. */
function parseOnlyConfig(): ScorecardConfig {
  return {
    rules: Object.fromEntries(
      builtInRules.map(r => [r.id, { enabled: false }]),
    ),
  };
}

/** Copies of the rules that time themselves, to find the slow ones. */
function timedRules(totals: Map<string, number>): ScorecardRule[] {
  return builtInRules.map(rule => {
    const add = (started: bigint) =>
      totals.set(
        rule.id,
        (totals.get(rule.id) ?? 0) +
          Number(process.hrtime.bigint() - started) / 1e6,
      );
    if (rule.scope === 'file') {
      return {
        ...rule,
        id: `timed:${rule.id}`,
        check(context) {
          const started = process.hrtime.bigint();
          try {
            return rule.check(context);
          } finally {
            add(started);
          }
        },
      };
    }
    return {
      ...rule,
      id: `timed:${rule.id}`,
      checkRepository(context) {
        const started = process.hrtime.bigint();
        try {
          return rule.checkRepository(context);
        } finally {
          add(started);
        }
      },
    };
  });
}

async function main() {
  const corpusMet = ARGS.has('--scaling-only') ? true : await corpusSection();
  const scalingMet = ARGS.has('--no-scaling')
    ? true
    : await runScalingSection({ quick: ARGS.has('--quick') });
  if (process.env.BENCH_STRICT && !(corpusMet && scalingMet))
    process.exitCode = 1;
}

/** The corpus section; returns whether its targets were met. */
async function corpusSection(): Promise<boolean> {
  const corpus = readCorpus();
  const dockerfiles = corpus.filter(f => f.kind === 'dockerfile');
  const full = await createNodeScorecardEngine();
  const parseOnly = await createNodeScorecardEngine({
    config: parseOnlyConfig(),
  });

  console.log(
    `Container Scorecard engine benchmark: ${corpus.length} corpus files, ${full.rules.length} rules, ruleset ${full.rulesetVersion}, Node ${process.version}, median of ${REPETITIONS} passes, one core\n`,
  );
  const fullAll = measure(full, corpus);
  const parseAll = measure(parseOnly, corpus);
  const fullDocker = measure(full, dockerfiles);
  const parseDocker = measure(parseOnly, dockerfiles);
  console.log(line('full engine, whole corpus', fullAll));
  console.log(line('parse only, whole corpus', parseAll));
  console.log(line('full engine, Dockerfiles', fullDocker));
  console.log(line('parse only, Dockerfiles', parseDocker));

  const ratio = fullAll.seconds / parseAll.seconds;
  const dockerfilesPerSecond = rate(fullDocker).filesPerSecond;
  const ratioMet = ratio <= 3;
  const rateMet = dockerfilesPerSecond >= 500;
  console.log(
    `\nfull engine / parse only: ${ratio.toFixed(2)}x (target <= 3x): ${
      ratioMet ? 'met' : 'MISSED'
    }`,
  );
  console.log(
    `Dockerfiles/s, full engine, one core: ${dockerfilesPerSecond.toFixed(
      0,
    )} (target >= 500): ${rateMet ? 'met' : 'MISSED'}`,
  );

  const totals = new Map<string, number>();
  const timed = await createNodeScorecardEngine({
    config: parseOnlyConfig(),
    extraRules: timedRules(totals),
  });
  for (const file of corpus)
    timed.analyzeFile({ path: file.enginePath, content: file.content });
  const slowest = [...totals].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log('\nslowest rules over one pass of the corpus:');
  for (const [id, ms] of slowest)
    console.log(`  ${id.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms`);

  return ratioMet && rateMet;
}

main().catch(error => {
  console.error(error);
  process.exitCode = 1;
});
