/* eslint-disable no-console */
import {
  DEFAULT_LIMITS,
  type ScorecardEngine,
  type ScorecardLimits,
} from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '../../src/engine';
import {
  scalingShapes,
  type ScalingInput,
  type ScalingShape,
} from './generateScalingInputs';

/*
 * The scaling section of the engine benchmark: files of growing size, one shape at a time, and
 * the time per 1,000 lines at each size. A linear engine keeps that figure flat; the ratio of the
 * largest size's figure to the smallest's is the check (target <= 1.5).
 */

const TARGET_RATIO = 1.5;
/** A size slower than this skips the larger sizes of its shape, so a regression cannot hang the run. */
const GIVE_UP_SECONDS = 60;
/** Small sizes are repeated until this much time has been measured, for a stable median. */
const MIN_MEASURED_SECONDS = 1;
const MAX_REPETITIONS = 7;

/**
 * Limits high enough that every generated input is analysed in full: the engine's default
 * maxFileBytes (1 MiB) would refuse the big ones unread, and the YAML document limit would cut
 * the Kubernetes files short. Every limit the engine knows is raised, whatever their number,
 * except the cap on findings listed per rule: it trims the result, not the work.
 */
const SCALING_LIMITS: ScorecardLimits = Object.fromEntries(
  Object.keys(DEFAULT_LIMITS)
    .filter(name => name !== 'maxFindingsPerRule')
    .map(name => [name, 1024 * 1024 * 1024]),
);

interface Timing {
  size: number;
  lines: number;
  megabytes: number;
  milliseconds: number;
  msPer1000Lines: number;
  note: string;
}

function collectGarbage() {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * CPU time of this process, not wall time: the figure is meant to show how work grows with
 * size, and on a shared machine wall time mostly shows what else is running.
 */
function timeOnce(engine: ScorecardEngine, file: ScalingInput) {
  collectGarbage();
  const started = process.cpuUsage();
  const result = engine.analyzeFile({ path: file.path, content: file.content });
  const used = process.cpuUsage(started);
  return { result, milliseconds: (used.user + used.system) / 1000 };
}

/** Anything short of a complete analysis makes the figure meaningless: say so next to it. */
function noteOf(result: ReturnType<ScorecardEngine['analyzeFile']>): string {
  if (result.status !== 'analysed')
    return `NOT ANALYSED: ${result.status} ${result.error?.code ?? ''}`;
  const cut = (result.limitsReached ?? []).filter(
    l => (l.limit as string) !== 'findings-per-rule',
  );
  if (cut.length > 0) return `PARTIAL: ${cut.map(l => l.limit).join(', ')}`;
  return '';
}

function measure(
  engine: ScorecardEngine,
  shape: ScalingShape,
  size: number,
): Timing {
  const file = shape.generate(size);
  const times: number[] = [];
  let note = '';
  let total = 0;
  while (
    times.length === 0 ||
    (total < MIN_MEASURED_SECONDS * 1000 && times.length < MAX_REPETITIONS)
  ) {
    const { result, milliseconds } = timeOnce(engine, file);
    note = noteOf(result);
    times.push(milliseconds);
    total += milliseconds;
  }
  times.sort((a, b) => a - b);
  const milliseconds = times[Math.floor(times.length / 2)];
  return {
    size,
    lines: file.lines,
    megabytes: Buffer.byteLength(file.content) / 1024 / 1024,
    milliseconds,
    msPer1000Lines: (milliseconds / file.lines) * 1000,
    note,
  };
}

function row(shape: ScalingShape, t: Timing): string {
  return `  ${String(t.size).padStart(7)} ${shape.unit.padEnd(12)} ${String(
    t.lines,
  ).padStart(8)} lines ${t.megabytes.toFixed(1).padStart(6)} MB ${t.milliseconds
    .toFixed(0)
    .padStart(8)} ms ${t.msPer1000Lines.toFixed(2).padStart(8)} ms/1k lines${
    t.note ? `  ${t.note}` : ''
  }`;
}

/** Runs the scaling section and prints it; returns false when a shape misses the target. */
export async function runScalingSection(
  options: { quick?: boolean } = {},
): Promise<boolean> {
  const engine = await createNodeScorecardEngine({
    config: { limits: SCALING_LIMITS },
  });
  console.log(
    `\nScaling: generated inputs, CPU time per 1,000 lines at each size (median of up to ${MAX_REPETITIONS} runs for small sizes, one run for big ones), ratio largest/smallest (target <= ${TARGET_RATIO}).`,
  );
  console.log(
    `Limits raised so every input is analysed in full: ${Object.entries(
      SCALING_LIMITS,
    )
      .map(([name, value]) => `${name} ${value}`)
      .join(
        ', ',
      )}; findings per rule keep the default cap (it trims the result, not the work).${
      (globalThis as { gc?: unknown }).gc
        ? ''
        : ' (run node with --expose-gc for steadier figures)'
    }`,
  );
  let allMet = true;
  for (const shape of scalingShapes(options)) {
    console.log(`\n${shape.name}`);
    // One untimed run of the smallest size, so the first figure is not the JIT warming up.
    const warmUp = shape.generate(shape.sizes[0]);
    engine.analyzeFile({ path: warmUp.path, content: warmUp.content });
    const timings: Timing[] = [];
    for (const size of shape.sizes) {
      const previous = timings[timings.length - 1];
      if (previous && previous.milliseconds > GIVE_UP_SECONDS * 1000) {
        console.log(
          `  ${String(size).padStart(7)} ${shape.unit.padEnd(
            12,
          )} skipped: the previous size took over ${GIVE_UP_SECONDS} s`,
        );
        allMet = false;
        continue;
      }
      const timing = measure(engine, shape, size);
      timings.push(timing);
      console.log(row(shape, timing));
    }
    const first = timings[0];
    const last = timings[timings.length - 1];
    const ratio = last.msPer1000Lines / first.msPer1000Lines;
    const met =
      ratio <= TARGET_RATIO &&
      timings.length === shape.sizes.length &&
      timings.every(t => t.note === '');
    if (!met) allMet = false;
    console.log(
      `  ratio ${last.size}/${first.size}: ${ratio.toFixed(
        2,
      )} (target <= ${TARGET_RATIO}): ${met ? 'met' : 'MISSED'}`,
    );
  }
  return allMet;
}
