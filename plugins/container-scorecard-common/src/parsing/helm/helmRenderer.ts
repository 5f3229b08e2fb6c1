import { classifyContainerFile } from '../../classify/classifyContainerFile';
import type {
  RenderOptions,
  RenderSourceFile,
  RenderUnit,
  SourceRenderer,
} from '../../engine/rendered/renderedSources';
import { renderHelmChart } from './renderHelmChart';

/** A chart, with the entity's values files that apply to it. */
interface HelmUnit extends RenderUnit {
  valuesFiles: string[];
}

const dirOf = (path: string) =>
  path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
const isUnder = (path: string, root: string) =>
  root === '' || path.startsWith(`${root}/`);

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
    const templateDirs = new Set(
      paths
        .filter(p => p.includes('templates/'))
        .map(p => p.slice(0, p.indexOf('templates/'))),
    );
    const roots = paths
      .filter(p => p === 'Chart.yaml' || p.endsWith('/Chart.yaml'))
      .map(dirOf)
      .filter(root => templateDirs.has(root ? `${root}/` : ''))
      .sort((a, b) => a.length - b.length);
    const charts: string[] = [];
    for (const root of roots) {
      // charts/<name>/ of an outer chart: a vendored subchart, part of that chart.
      if (
        charts.some(
          outer =>
            isUnder(root, outer) &&
            root.slice(outer ? outer.length + 1 : 0).startsWith('charts/'),
        )
      )
        continue;
      charts.push(root);
    }
    const extra = (options.helmValuesFiles ?? []).map(p =>
      p.replace(/^\.?\/+/, ''),
    );
    return charts.map(root => {
      const own = paths.filter(
        p =>
          isUnder(p, root) &&
          classifyContainerFile(p) !== 'dockerfile' &&
          !charts.some(
            other =>
              other !== root && other.length > root.length && isUnder(p, other),
          ),
      );
      const valuesFiles = extra.filter(
        p => isUnder(p, root) || !charts.some(c => isUnder(p, c)),
      );
      return {
        renderer: 'helm',
        root,
        primaryPath: root ? `${root}/Chart.yaml` : 'Chart.yaml',
        sourcePaths: [
          ...new Set([...own, ...valuesFiles.filter(p => paths.includes(p))]),
        ],
        valuesFiles,
      } satisfies HelmUnit;
    });
  },
  render(unit, { read, limits }) {
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
