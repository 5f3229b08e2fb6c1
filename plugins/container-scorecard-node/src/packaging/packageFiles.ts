import { existsSync, readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';

const NODE_PACKAGE = '@container-scorecard/plugin-container-scorecard-node';

/**
 * Whether this package runs from its build: `backstage-cli package prepack` points `main` at
 * `dist/` in a packed or published package, while the repository's manifest points at
 * `src/index.ts`. The manifest decides rather than the presence of `dist/`, so a stale local
 * build is never picked up while developing from sources.
 */
export function runsFromBuild(manifestMain: unknown): boolean {
  return (
    typeof manifestMain === 'string' && /^(\.\/)?dist\//.test(manifestMain)
  );
}

function readManifestMain(): unknown {
  const manifestPath = resolvePackagePath(NODE_PACKAGE, 'package.json');
  return JSON.parse(readFileSync(manifestPath, 'utf8')).main;
}

/**
 * The file each analysis worker thread starts from. A build has the compiled task module
 * (`dist/analysis/runAnalysisTask.cjs.js`, emitted because the main entry re-exports it), which
 * needs no loader. Sources need
 * `src/analysis/analysisWorker.js`, plain JavaScript that registers the TypeScript transform in
 * the new thread first, because a worker does not inherit the loader of the thread that made it.
 */
export function analysisWorkerFile(
  manifestMain: unknown = readManifestMain(),
  fileExists: (path: string) => boolean = existsSync,
): string {
  const built = runsFromBuild(manifestMain);
  const relative = built
    ? 'dist/analysis/runAnalysisTask.cjs.js'
    : 'src/analysis/analysisWorker.js';
  const file = resolvePackagePath(NODE_PACKAGE, relative);
  if (!fileExists(file)) {
    throw new Error(
      built
        ? `${NODE_PACKAGE} is installed without its analysis worker (${file}); the package was packed without running 'backstage-cli package build'`
        : `${NODE_PACKAGE} has neither a build (main is ${String(
            manifestMain,
          )}) nor its worker source ${file}`,
    );
  }
  return file;
}
