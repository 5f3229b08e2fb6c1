// @ts-check
/*
 * What each published package of the family must and must not carry. check-packs.sh packs the
 * packages and inspectTarball.js holds every tarball to these lists.
 */

const PLUGIN_PACKAGES = [
  '@container-scorecard/plugin-container-scorecard',
  '@container-scorecard/plugin-container-scorecard-backend',
  '@container-scorecard/plugin-container-scorecard-common',
  '@container-scorecard/plugin-container-scorecard-node',
];

/**
 * Paths (inside the tarball, without the leading `package/`) that only development needs:
 * sources, tests, fixtures and test helpers, benchmarks, dev servers, maintenance scripts.
 */
const FORBIDDEN = [
  { pattern: /^src\//, why: 'TypeScript sources (only dist/ ships)' },
  { pattern: /\.(test|spec)\.[cm]?[jt]sx?(\.map)?$/, why: 'a test file' },
  { pattern: /(^|\/)__fixtures__\//, why: 'test fixtures' },
  { pattern: /(^|\/)__testUtils__\//, why: 'test helpers' },
  { pattern: /(^|\/)__mocks__\//, why: 'test mocks' },
  { pattern: /(^|\/)setupTests\./, why: 'the jest setup' },
  { pattern: /^bench\//, why: 'benchmarks' },
  { pattern: /^dev\//, why: 'the standalone dev setup' },
  { pattern: /^scripts\//, why: 'maintenance scripts' },
  { pattern: /^dist-types\//, why: 'intermediate declarations' },
  { pattern: /^node_modules\//, why: 'installed dependencies' },
  { pattern: /\.tgz$/, why: 'a nested tarball' },
];

/** Files every package must ship beyond its package.json's own main/types/exports targets. */
const REQUIRED = {
  '@container-scorecard/plugin-container-scorecard': [
    'dist/index.esm.js',
    'dist/index.d.ts',
    'dist/alpha.esm.js',
    'dist/alpha.d.ts',
    'README.md',
  ],
  '@container-scorecard/plugin-container-scorecard-backend': [
    'dist/index.cjs.js',
    'dist/index.d.ts',
    // prepack compiles config.d.ts into the JSON schema the app's config loader reads
    'config.schema.json',
    'README.md',
  ],
  '@container-scorecard/plugin-container-scorecard-common': [
    'dist/index.cjs.js',
    'dist/index.esm.js',
    'dist/index.d.ts',
    'README.md',
  ],
  '@container-scorecard/plugin-container-scorecard-node': [
    'dist/index.cjs.js',
    'dist/index.d.ts',
    // piscina starts the analysis workers from this file in a built package
    'dist/analysis/runAnalysisTask.cjs.js',
    'bin/container-scorecard',
    'README.md',
  ],
};

/** Folders whose every file must ship as-is (compared with the repository's folder). */
const SHIPPED_FOLDERS = {
  '@container-scorecard/plugin-container-scorecard-backend': ['migrations'],
};

/**
 * The feature each entry point must declare in `backstage.features` (written by the production
 * pack's feature detection): an app on the new frontend system discovers the plugin through it
 * (`app.packages: all`), and the backend's is what `backend.add(import(...))` loads.
 */
const FEATURES = {
  '@container-scorecard/plugin-container-scorecard': {
    './alpha': '@backstage/FrontendPlugin',
  },
  '@container-scorecard/plugin-container-scorecard-backend': {
    '.': '@backstage/BackendFeature',
  },
};

module.exports = {
  PLUGIN_PACKAGES,
  FORBIDDEN,
  REQUIRED,
  SHIPPED_FOLDERS,
  FEATURES,
};
