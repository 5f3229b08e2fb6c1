/*
 * Entry of the analysis worker threads when the package runs from its TypeScript sources
 * (development, tests, `start:production` in this repository). It is plain JavaScript because a
 * worker thread does not inherit the TypeScript loader of the thread that started it (jest's
 * transform, or `--require @backstage/cli/config/nodeTransform.cjs`), so it registers Backstage's
 * Node transform in this thread first. A built package starts its workers from
 * dist/analysis/runAnalysisTask.cjs.js instead (see src/packaging/packageFiles.ts).
 */
// Only sources get here, where the CLI (a dev dependency) is installed.
// eslint-disable-next-line @backstage/no-undeclared-imports
require('@backstage/cli/config/nodeTransform.cjs');
const task = require('./runAnalysisTask.ts');

module.exports = task.default ?? task;
