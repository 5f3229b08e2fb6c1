import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  helmRenderer,
  type HelmCommandResult,
  type HelmUnit,
  type RenderOptions,
  type ScorecardInputFile,
} from '@container-scorecard/plugin-container-scorecard-common';
import { runHelmTemplate, type HelmCommandOptions } from './runHelmTemplate';

/** The release name the built-in renderer uses too, so both render the same names. */
const RELEASE_NAME = 'release-name';

/**
 * Renders every chart among `files` with a `helm` binary (`helm template release-name <chart>
 * -f <values>...`), one chart at a time, and returns the render options that hand the results to
 * the engine (`helmCommandResults`), which maps them to the templates. The chart's files as read
 * are written to a private temporary directory, removed afterwards: the binary sees exactly what
 * the built-in renderer would. A chart the command cannot render is "could not analyse" with the
 * command's reason; nothing falls back silently to the built-in renderer.
 *
 * @public
 */
export async function renderChartsWithHelmCommand(
  files: readonly ScorecardInputFile[],
  renderOptions: RenderOptions | undefined,
  helm: HelmCommandOptions,
  /**
   * Time for all of an entity's charts together: the charts still waiting when it is spent are
   * "could not analyse" with the reason, so a repository of many slow charts ends.
   */
  totalTimeoutMs = Infinity,
): Promise<RenderOptions | undefined> {
  const deadline = Date.now() + totalTimeoutMs;
  const units = helmRenderer.findUnits(
    files,
    renderOptions ?? {},
  ) as HelmUnit[];
  if (units.length === 0) return renderOptions;
  const contents = new Map<string, string>();
  for (const file of files)
    if (file.content !== undefined) contents.set(file.path, file.content);
  const results: Record<string, HelmCommandResult> = {};
  const work = await mkdtemp(join(tmpdir(), 'container-scorecard-helm-'));
  try {
    for (const [index, unit] of units.entries()) {
      const left = deadline - Date.now();
      results[unit.root] =
        left <= 0
          ? {
              status: 'failed',
              error: {
                code: 'render-error',
                message: `Not rendered: the Helm command's time for this entity (${totalTimeoutMs} ms, the analysis time of an entity) ran out on the charts before it.`,
              },
            }
          : await renderOne(unit, contents, join(work, String(index)), {
              ...helm,
              timeoutMs: Math.min(helm.timeoutMs, left),
            });
    }
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return { ...renderOptions, helmCommandResults: results };
}

async function renderOne(
  unit: HelmUnit,
  contents: ReadonlyMap<string, string>,
  directory: string,
  helm: HelmCommandOptions,
): Promise<HelmCommandResult> {
  const chartDirectory = join(directory, 'chart');
  const prefix = unit.root ? `${unit.root}/` : '';
  for (const path of unit.sourcePaths) {
    const content = contents.get(path);
    if (content === undefined || !path.startsWith(prefix)) continue;
    await writeInside(chartDirectory, path.slice(prefix.length), content);
  }
  const valuesArgs: string[] = [];
  const valuesFiles: string[] = [];
  for (const [index, path] of unit.valuesFiles.entries()) {
    const content = contents.get(path);
    if (content === undefined) continue; // as the built-in renderer: a missing file is skipped
    const copy = join(directory, 'values', `${index}.yaml`);
    await writeInside(dirname(copy), `${index}.yaml`, content);
    valuesArgs.push('-f', copy);
    valuesFiles.push(path);
  }
  const args = ['template', RELEASE_NAME, chartDirectory, ...valuesArgs];
  const run = await runHelmTemplate(args, { ...helm, cwd: directory });
  if (!run.ok)
    return {
      status: 'failed',
      error: { code: 'render-error', message: run.reason },
    };
  return {
    status: 'rendered',
    output: run.stdout,
    valuesFiles,
    commandLine: [
      helm.command,
      'template',
      RELEASE_NAME,
      unit.root || '.',
      ...valuesFiles.flatMap(path => ['-f', path]),
    ].join(' '),
  };
}

/** Writes a file below `directory`; repository paths never hold `..` (readers refuse them). */
async function writeInside(
  directory: string,
  relative: string,
  content: string,
) {
  if (relative.split('/').some(segment => segment === '..' || segment === ''))
    return;
  const target = join(directory, relative);
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, content);
}
