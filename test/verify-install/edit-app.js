// @ts-check
/*
 * scripts/verify-install.sh: the package READMEs' code steps in the stock app, as a platform
 * engineer makes them. Each edit names the text of the template it expects; if create-app's
 * template changes so that a README step no longer applies as written, this fails saying which.
 */
const fs = require('node:fs');
const path = require('node:path');

const app = process.env.APP;
const backendPackage = process.env.BACKEND_PACKAGE;
const frontendPackage = process.env.FRONTEND_PACKAGE;
if (!app || !backendPackage || !frontendPackage) {
  throw new Error('APP, BACKEND_PACKAGE and FRONTEND_PACKAGE must be set');
}

/**
 * @param {string} relative the file in the app
 * @param {string} step the README step, for the error
 * @param {Array<[string | RegExp, string]>} edits what to find and what to put instead
 */
function edit(relative, step, edits) {
  const file = path.join(app, relative);
  let text = fs.readFileSync(file, 'utf8');
  for (const [find, replace] of edits) {
    const found =
      typeof find === 'string' ? text.includes(find) : find.test(text);
    if (!found) {
      throw new Error(
        `README step "${step}": ${relative} of the stock app has no ${String(
          find,
        )}`,
      );
    }
    text = text.replace(find, replace);
  }
  fs.writeFileSync(file, text);
  console.log(`${relative}: ${step}`);
}

// Backend README: add the plugin to the backend.
edit(
  'packages/backend/src/index.ts',
  `backend.add(import('${backendPackage}'))`,
  [
    [
      /\nbackend\.start\(\);/,
      `\n// Container Scorecard\nbackend.add(import('${backendPackage}'));\n\nbackend.start();`,
    ],
  ],
);

// Frontend README, new frontend system (the template's app is one): import the plugin from
// ./alpha and add it to createApp's features.
edit(
  'packages/app/src/App.tsx',
  `createApp({ features: [..., containerScorecardPlugin] })`,
  [
    [
      /^(import .*\n)(?!import )/m,
      `$1import containerScorecardPlugin from '${frontendPackage}/alpha';\n`,
    ],
    [
      /features: \[catalogPlugin,/,
      'features: [catalogPlugin, containerScorecardPlugin,',
    ],
  ],
);
