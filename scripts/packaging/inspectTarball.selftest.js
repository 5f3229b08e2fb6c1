// @ts-check
/*
 * Proves that inspectTarball.js fails for each kind of bad tarball it exists to catch, and passes
 * a good one: check-packs.sh runs this first, so a check that silently stopped working fails the
 * pack check instead of waving every tarball through. Synthetic packages, no build needed.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { PLUGIN_PACKAGES } = require('./packageExpectations');

const inspector = path.join(__dirname, 'inspectTarball.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'inspect-selftest-'));

/** A minimal well-formed common package; each case changes one thing. */
function goodPackage() {
  return {
    manifest: {
      name: '@container-scorecard/plugin-container-scorecard-common',
      version: '0.1.0',
      description: 'self-test',
      license: 'Apache-2.0',
      repository: { type: 'git', url: 'https://example.invalid/repo' },
      main: 'dist/index.cjs.js',
      module: 'dist/index.esm.js',
      types: 'dist/index.d.ts',
      publishConfig: { access: 'public' },
      backstage: { role: 'common-library', pluginPackages: PLUGIN_PACKAGES },
      dependencies: { yaml: '^2.0.0' },
    },
    files: {
      'README.md': '# self-test\n',
      'dist/index.cjs.js': "'use strict';\nvar yaml = require('yaml');\n",
      'dist/index.esm.js': "import 'yaml';\n",
      'dist/index.d.ts': 'export {};\n',
    },
  };
}

const cases = [
  { name: 'a good package', change: () => {}, expect: null },
  {
    name: 'a test file',
    change: p => (p.files['dist/rules/rule.test.js'] = ''),
    expect: /ships a test file: dist\/rules\/rule\.test\.js/,
  },
  {
    name: 'fixtures',
    change: p => (p.files['dist/__fixtures__/Dockerfile'] = ''),
    expect: /ships test fixtures/,
  },
  {
    name: 'sources',
    change: p => (p.files['src/index.ts'] = ''),
    expect: /ships TypeScript sources/,
  },
  {
    name: 'a benchmark',
    change: p => (p.files['bench/run.js'] = ''),
    expect: /ships benchmarks/,
  },
  {
    name: 'no types',
    change: p => delete p.files['dist/index.d.ts'],
    expect: /lacks dist\/index\.d\.ts/,
  },
  {
    name: 'a private package',
    change: p => (p.manifest.private = true),
    expect: /is private/,
  },
  {
    name: 'a main still in src',
    change: p => (p.manifest.main = 'src/index.ts'),
    expect: /points at src\/index\.ts, which it does not ship/,
  },
  {
    name: 'an undeclared import',
    change: p =>
      (p.files['dist/more.cjs.js'] = "var x = require('left-pad');\n"),
    expect: /imports left-pad .* without declaring it/,
  },
  {
    name: 'a quoted import in a rule message (not an import)',
    change: p =>
      (p.files['dist/msg.cjs.js'] =
        'const m = "COPY --from \'builder\' only";\n'),
    expect: null,
  },
  {
    name: 'wrong pluginPackages',
    change: p => (p.manifest.backstage.pluginPackages = [p.manifest.name]),
    expect: /backstage\.pluginPackages is/,
  },
];

let failures = 0;
for (const [index, testCase] of cases.entries()) {
  const pkg = goodPackage();
  testCase.change(pkg);
  const root = path.join(work, `case-${index}`, 'package');
  for (const [file, content] of Object.entries({
    ...pkg.files,
    'package.json': JSON.stringify(pkg.manifest),
  })) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), content);
  }
  const tarball = path.join(work, `case-${index}.tgz`);
  execFileSync('tar', ['-czf', tarball, '-C', path.dirname(root), 'package']);
  const run = spawnSync(
    process.execPath,
    [inspector, tarball, work, path.join(work, `extracted-${index}`)],
    { encoding: 'utf8' },
  );
  const output = `${run.stdout}${run.stderr}`;
  const ok = testCase.expect
    ? run.status === 1 && testCase.expect.test(output)
    : run.status === 0;
  if (!ok) {
    failures += 1;
    console.error(
      `inspectTarball self-test: ${testCase.name}: expected ${
        testCase.expect ?? 'a pass'
      }, got exit ${run.status}:\n${output}`,
    );
  }
}
fs.rmSync(work, { recursive: true, force: true });
if (failures > 0) process.exit(1);
console.log(`inspectTarball self-test: ${cases.length} cases behave`);
