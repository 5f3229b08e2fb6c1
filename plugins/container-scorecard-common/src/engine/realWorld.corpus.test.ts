/* eslint-disable no-console */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { FileResult } from '../model/types';
import { createTestEngine } from '../testing/createTestEngine';

/*
 * The engine on real files nobody here wrote: ../shared/corpus beside the repository root (always
 * there in CI). Every file must analyse without throwing, within a generous time bound, and give
 * a well-formed result. A missing corpus fails the test: it must never silently skip.
 */

const PER_FILE_BOUND_MS = 2000;

function repositoryRoot(): string {
  let directory = __dirname;
  for (;;) {
    const manifest = join(directory, 'package.json');
    if (
      existsSync(manifest) &&
      JSON.parse(readFileSync(manifest, 'utf8')).workspaces
    )
      return directory;
    const parent = dirname(directory);
    if (parent === directory)
      throw new Error(`No repository root above ${__dirname}`);
    directory = parent;
  }
}

function corpusDirectory(): string {
  const root = repositoryRoot();
  const directory = resolve(root, '..', 'shared', 'corpus');
  if (!existsSync(join(directory, 'manifest.tsv'))) {
    throw new Error(
      `The real-world corpus is missing: expected ${directory}/manifest.tsv, i.e. ../shared/corpus relative to the repository root ${root}.`,
    );
  }
  return directory;
}

/** Compose files are stored as NNNN.yaml: give the engine a name it reads as compose. */
function enginePathOf(file: string): string {
  const compose = /^compose\/(\d+)\.ya?ml$/.exec(file);
  return compose ? `compose/${compose[1]}/compose.yaml` : file;
}

jest.setTimeout(600_000);

describe('the engine on the real-world corpus', () => {
  it('analyses every file without throwing, in time, with well-formed results', async () => {
    const directory = corpusDirectory();
    const files = readFileSync(join(directory, 'manifest.tsv'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(line => line.trim() !== '')
      .map(line => line.split('\t')[0]);
    expect(files.length).toBeGreaterThan(1000);

    const engine = await createTestEngine();
    const statuses = new Map<string, number>();
    const byKindAndStatus = new Map<string, number>();
    const findingsByRule = new Map<string, number>();
    const slow: string[] = [];
    const problems: string[] = [];
    let slowest = { file: '', ms: 0 };

    for (const file of files) {
      const content = readFileSync(join(directory, file), 'utf8');
      const started = performance.now();
      let result: FileResult;
      try {
        result = engine.analyzeFile({ path: enginePathOf(file), content });
      } catch (error) {
        problems.push(`${file}: threw ${(error as Error).stack}`);
        continue;
      }
      const ms = performance.now() - started;
      if (ms > slowest.ms) slowest = { file, ms };
      if (ms > PER_FILE_BOUND_MS) slow.push(`${file}: ${ms.toFixed(0)} ms`);

      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      const key = `${file.split('/')[0]} ${result.status}${
        result.error ? ` (${result.error.code})` : ''
      }`;
      byKindAndStatus.set(key, (byKindAndStatus.get(key) ?? 0) + 1);
      if (result.status === 'analysed') {
        if (
          !Number.isInteger(result.score) ||
          result.score! < 0 ||
          result.score! > 100 ||
          !/^[A-F]$/.test(result.grade ?? '')
        )
          problems.push(`${file}: bad score ${result.score} ${result.grade}`);
      }
      if (result.ruleErrors?.length) {
        problems.push(
          `${file}: rules crashed: ${result.ruleErrors
            .map(e => `${e.ruleId}: ${e.message}`)
            .join('; ')}`,
        );
      }
      for (const finding of result.findings) {
        findingsByRule.set(
          finding.ruleId,
          (findingsByRule.get(finding.ruleId) ?? 0) + 1,
        );
        const { start, end } = finding.range;
        if (
          start.line < 1 ||
          start.column < 1 ||
          end.line < start.line ||
          (end.line === start.line && end.column < start.column)
        )
          problems.push(`${file}: bad range for ${finding.ruleId}`);
      }
    }

    console.log(
      [
        `Real-world corpus: ${files.length} files; slowest ${
          slowest.file
        } in ${slowest.ms.toFixed(0)} ms`,
        `Statuses: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ')}`,
        ...[...byKindAndStatus].sort().map(([key, n]) => `  ${key}: ${n}`),
        'Findings by rule:',
        ...[...findingsByRule]
          .sort((a, b) => b[1] - a[1])
          .map(([rule, n]) => `  ${rule.padEnd(44)} ${n}`),
      ].join('\n'),
    );

    expect(problems).toEqual([]);
    expect(slow).toEqual([]);
    // Real Dockerfiles parse: at most a handful may be refused (binary, broken encodings).
    expect(statuses.get('analysed') ?? 0).toBeGreaterThan(files.length * 0.9);
  });
});
