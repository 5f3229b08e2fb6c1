// @ts-check
/*
 * Production-packs packages into a folder without touching the checkout:
 * `node productionPack.js <target dir> <package names...>` (run from the repository root).
 *
 * This is what `backstage-cli build-workspace` does (the CLI's own productionPack: publishConfig
 * applied, exports pointed at dist/, config.d.ts compiled to config.schema.json, frontend feature
 * detection), minus its last step, which copies a yarn.lock this npm repository does not have.
 * `npm pack` in the checkout would instead run prepack, which rewrites package.json in place
 * until postpack restores it, racing with anyone editing or packing the same checkout.
 */
const path = require('node:path');

const [targetDir, ...names] = process.argv.slice(2);
if (!targetDir || names.length === 0) {
  console.error('usage: productionPack.js <target dir> <package names...>');
  process.exit(2);
}

// Not a public entry point of the CLI: the path is that of @backstage/cli-module-build 0.1.x
// (Backstage 1.55). If a CLI upgrade moves it, this require fails loudly and names the path.
const modulePath =
  '@backstage/cli-module-build/dist/lib/packager/createDistWorkspace.cjs.js';
const { createDistWorkspace } = require(require.resolve(modulePath, {
  paths: [process.cwd()],
}));

createDistWorkspace(names, {
  targetDir: path.resolve(targetDir),
  enableFeatureDetection: true,
  files: [],
  logger: { log: () => {}, warn: message => console.warn(message) },
}).catch(error => {
  console.error(error);
  process.exit(1);
});
