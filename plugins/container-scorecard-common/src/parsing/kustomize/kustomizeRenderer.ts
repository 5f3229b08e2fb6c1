import type {
  RenderedLineOrigin,
  RenderOutcome,
  RenderSourceFile,
  RenderUnit,
  SourceRenderer,
} from '../../engine/rendered/renderedSources';
import {
  buildKustomization,
  directoriesOf,
  type KustomizeBuildResult,
} from './buildKustomization';
import { findKustomizeUnits } from './findKustomizeUnits';
import type { KustomizeLimits } from './kustomizeTypes';
import { renderKustomizeBuild } from './renderKustomizeBuild';
import { joinPath } from './repositoryPaths';

/**
 * The Kustomize renderer of the engine's rendered sources: each leaf overlay is a unit reported
 * under its kustomization file, built as `kustomize build` would, and every line of the output
 * points at the file and line it came from (the base's line, the patch's line, or the
 * kustomization entry whose transformer set it, such as an `images` entry).
 *
 * @public
 */
export function createKustomizeRenderer(
  options: { limits?: Partial<KustomizeLimits> } = {},
): SourceRenderer {
  // The build made while finding units, reused by render when it is the same unit object.
  const builds = new WeakMap<RenderUnit, KustomizeBuildResult>();
  return {
    id: 'kustomize',
    findUnits(files: readonly RenderSourceFile[]): RenderUnit[] {
      const contents = new Map(files.map(f => [f.path, f.content]));
      return findKustomizeUnits(contents, options).map(
        ({ build, sourcePaths }) => {
          const unit: RenderUnit = {
            renderer: 'kustomize',
            root: build.directory,
            primaryPath:
              build.kustomizationPath ??
              joinPath(build.directory, 'kustomization.yaml'),
            sourcePaths,
          };
          builds.set(unit, build);
          return unit;
        },
      );
    },
    render(unit, context): RenderOutcome {
      const build = builds.get(unit) ?? rebuild(unit, context.read, options);
      if (build.status === 'failed')
        return {
          status: 'could-not-analyse',
          error: { code: 'render-error', message: build.reason },
        };
      const rendered = renderKustomizeBuild(build.resources);
      if (rendered.content.length > context.limits.maxRenderedBytes)
        return {
          status: 'could-not-analyse',
          error: {
            code: 'render-error',
            message: `The Kustomize build of ${
              unit.root || '.'
            } renders to more than ${
              context.limits.maxRenderedBytes
            } bytes (limits.maxRenderedBytes).`,
          },
        };
      return {
        status: 'rendered',
        outputs: [
          {
            path: unit.primaryPath,
            content: rendered.content,
            lineOrigins: rendered.lineOrigins.map(
              (origin): RenderedLineOrigin | undefined =>
                origin && { path: origin.path, line: origin.range.start.line },
            ),
          },
        ],
        failures: [],
        notes: build.notes,
      };
    },
  };
}

/** The unit built again from its files (when it crossed a thread and lost its build). */
function rebuild(
  unit: RenderUnit,
  read: (path: string) => string | undefined,
  options: { limits?: Partial<KustomizeLimits> },
): KustomizeBuildResult {
  const files = new Map(unit.sourcePaths.map(path => [path, read(path)]));
  return buildKustomization(files, unit.root, {
    limits: options.limits,
    directories: directoriesOf(unit.sourcePaths),
  });
}
