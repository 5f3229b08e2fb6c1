/*
 * Entry of the analysis worker threads, in plain JavaScript because a worker thread does not
 * inherit the TypeScript loader of the thread that started it (jest's transform, or
 * `--require @backstage/cli/config/nodeTransform.cjs` of the dev and production commands).
 * When only the TypeScript source is here, it registers Backstage's Node transform in this
 * thread first; a compiled build has a `.js` beside this file and needs nothing.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

// This file is loaded by path, never bundled, so its own directory is where it lies.
// eslint-disable-next-line no-restricted-syntax
const compiled = join(__dirname, 'runAnalysisTask.js');
if (!existsSync(compiled)) {
  // Only TypeScript sources get here: development, tests and `start:production` from sources,
  // where the CLI (a dev dependency) is installed.
  // eslint-disable-next-line @backstage/no-undeclared-imports
  require('@backstage/cli/config/nodeTransform.cjs');
}
const task = require(existsSync(compiled) ? compiled : './runAnalysisTask.ts');

module.exports = task.default ?? task;
