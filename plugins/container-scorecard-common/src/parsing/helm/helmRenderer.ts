import { classifyContainerFile } from '../../classify/classifyContainerFile';
import type {
  RenderOptions,
  RenderSourceFile,
  RenderUnit,
  SourceRenderer,
} from '../../engine/rendered/renderedSources';
import { helmCommandOutcome } from './helmCommandOutput';
import { renderHelmChart } from './renderHelmChart';

/**
 * A chart, with the entity's values files that apply to it.
 *
 * @public
 */
export interface HelmUnit extends RenderUnit {
  valuesFiles: string[];
}

const dirOf = (path: string) =>
  path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';

/**
 * Helm charts: a directory with `Chart.yaml` and a `templates/` directory. A chart vendored
 * in another chart's `charts/` belongs to that chart. Every file of the chart except
 * Dockerfiles is the chart's (templates, values files, `ci/` values): none of them is scored as
 * a manifest. Values files an entity names are the chart's too.
 *
 * @public
 */
export const helmRenderer: SourceRenderer = {
  id: 'helm',
  findUnits(
    files: readonly RenderSourceFile[],
    options: RenderOptions,
  ): RenderUnit[] {
    const paths = files.map(f => f.path);
    const templateDirs = new Set<string>();
    for (const path of paths) {
      const at = path.startsWith('templates/')
        ? 0
        : path.indexOf('/templates/') + 1;
      if (at === 0 && !path.startsWith('templates/')) continue;
      templateDirs.add(path.slice(0, at));
    }
    const roots = paths
      .filter(p => p === 'Chart.yaml' || p.endsWith('/Chart.yaml'))
      .map(dirOf)
      .filter(root => templateDirs.has(root ? `${root}/` : ''))
      .sort((a, b) => a.length - b.length);
    // Each directory's ancestors are looked up in a set: linear in paths times depth, however
    // many charts a repository holds.
    const chartSet = new Set<string>();
    const charts: string[] = [];
    for (const root of roots) {
      let vendored = false;
      for (let dir = root; dir !== '' && !vendored; ) {
        dir = dirOf(dir);
        const rest = root.slice(dir ? dir.length + 1 : 0);
        // charts/<name>/ of an outer chart: a vendored subchart, part of that chart.
        if (chartSet.has(dir) && rest.startsWith('charts/')) vendored = true;
      }
      if (vendored) continue;
      chartSet.add(root);
      charts.push(root);
    }
    const ownerOf = (path: string): string | undefined => {
      for (let dir = dirOf(path); ; dir = dirOf(dir)) {
        if (chartSet.has(dir)) return dir;
        if (dir === '') return undefined;
      }
    };
    const ownFiles = new Map<string, string[]>(charts.map(root => [root, []]));
    for (const path of paths) {
      if (classifyContainerFile(path) === 'dockerfile') continue;
      const owner = ownerOf(path);
      if (owner !== undefined) ownFiles.get(owner)!.push(path);
    }
    const present = new Set(paths);
    const extra = (options.helmValuesFiles ?? []).map(p =>
      p.replace(/^\.?\/+/, ''),
    );
    return charts.map(root => {
      const own = ownFiles.get(root) ?? [];
      const valuesFiles = extra.filter(p => {
        const owner = ownerOf(p);
        return owner === root || owner === undefined;
      });
      return {
        renderer: 'helm',
        root,
        primaryPath: root ? `${root}/Chart.yaml` : 'Chart.yaml',
        sourcePaths: [
          ...new Set([...own, ...valuesFiles.filter(p => present.has(p))]),
        ],
        valuesFiles,
      } satisfies HelmUnit;
    });
  },
  render(unit, { read, limits, options }) {
    const fromCommand = options.helmCommandResults?.[unit.root];
    if (fromCommand)
      return helmCommandOutcome(unit.root, unit.primaryPath, fromCommand, read);
    return renderHelmChart({
      root: unit.root,
      paths: unit.sourcePaths,
      read,
      valuesFiles: (unit as HelmUnit).valuesFiles ?? [],
      limits,
    });
  },
};

/**
 * A file a chart needs that is not YAML: template helpers (`templates/_helpers.tpl`). Readers
 * fetch them with the candidate files, or a chart's `include`s find nothing.
 *
 * @public
 */
export function isHelmTemplateHelper(path: string): boolean {
  return /(^|\/)templates\/(.+\/)?[^/]+\.tpl$/.test(path);
}
