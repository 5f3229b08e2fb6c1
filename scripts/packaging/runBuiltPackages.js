// @ts-check
/*
 * Runs the built code of the packed packages, the way an app that installed the tarballs runs it:
 * `node runBuiltPackages.js <check-packs work dir> <package dirs...>`.
 *
 * It lays out <work dir>/runtime/node_modules with the extracted tarballs of our packages and
 * links to the repository's installed third-party packages (no network, no install), then runs
 * the checks in a child Node with NODE_PRESERVE_SYMLINKS=1, so that every package, including
 * @backstage/backend-plugin-api's resolvePackagePath, finds our packages in that layout and never
 * the repository's workspace sources. The checks:
 *   - the node package's analysis pool analyses a corpus Dockerfile in a worker thread started
 *     from dist/ (a package without its worker build fails here);
 *   - the node package's `container-scorecard` bin scores the same file as JSON;
 *   - the backend package loads as a backend feature and its shipped migrations run up and down
 *     on SQLite.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const SCOPE = '@container-scorecard';
const NODE_PACKAGE = `${SCOPE}/plugin-container-scorecard-node`;
const BACKEND_PACKAGE = `${SCOPE}/plugin-container-scorecard-backend`;
const CORPUS_DOCKERFILE = '/work/shared/corpus/dockerfiles/0001.Dockerfile';

function check(condition, message) {
  if (!condition) throw new Error(`runBuiltPackages: ${message}`);
}

/** Parent: builds the layout and runs this file again inside it. */
function prepareAndRun(workDir, packageDirs) {
  const repoRoot = path.resolve(__dirname, '../..');
  const runtime = path.join(workDir, 'runtime');
  const modules = path.join(runtime, 'node_modules');
  fs.mkdirSync(path.join(modules, SCOPE), { recursive: true });
  fs.writeFileSync(
    path.join(runtime, 'package.json'),
    JSON.stringify({ name: 'check-packs-runtime', private: true }),
  );

  const linkEntries = (fromDir, toDir, skip) => {
    for (const entry of fs.readdirSync(fromDir)) {
      if (entry.startsWith('.') || skip.has(entry)) continue;
      if (entry.startsWith('@')) {
        fs.mkdirSync(path.join(toDir, entry), { recursive: true });
        for (const scoped of fs.readdirSync(path.join(fromDir, entry))) {
          const target = path.join(toDir, entry, scoped);
          if (!fs.existsSync(target)) {
            fs.symlinkSync(path.join(fromDir, entry, scoped), target);
          }
        }
      } else {
        fs.symlinkSync(path.join(fromDir, entry), path.join(toDir, entry));
      }
    }
  };
  // The repository's own workspace packages (app, backend and ours) are left out.
  linkEntries(
    path.join(repoRoot, 'node_modules'),
    modules,
    new Set([SCOPE, 'app', 'backend']),
  );

  for (const dir of packageDirs) {
    const manifest = JSON.parse(
      fs.readFileSync(path.join(repoRoot, dir, 'package.json'), 'utf8'),
    );
    const tarballName = `${manifest.name.replace(/^@/, '').replace('/', '-')}-${
      manifest.version
    }.tgz`;
    const extracted = path.join(workDir, 'extracted', tarballName, 'package');
    check(fs.existsSync(extracted), `no extracted tarball at ${extracted}`);
    const installed = path.join(modules, manifest.name);
    fs.cpSync(extracted, installed, { recursive: true });
    // Versions the workspace installs for this package alone (npm nests those that differ).
    const nested = path.join(repoRoot, dir, 'node_modules');
    if (fs.existsSync(nested)) {
      fs.mkdirSync(path.join(installed, 'node_modules'), { recursive: true });
      linkEntries(nested, path.join(installed, 'node_modules'), new Set());
    }
  }

  const result = spawnSync(process.execPath, [__filename, '--inner', runtime], {
    cwd: runtime,
    stdio: 'inherit',
    env: { ...process.env, NODE_PRESERVE_SYMLINKS: '1' },
  });
  process.exit(result.status ?? 1);
}

/** Child: the checks, resolving every package from the runtime layout. */
async function runChecks(runtime) {
  const req = createRequire(path.join(runtime, 'package.json'));
  const ours = path.join(runtime, 'node_modules', SCOPE);
  for (const name of [NODE_PACKAGE, BACKEND_PACKAGE]) {
    const resolved = req.resolve(name);
    check(
      resolved.startsWith(ours) &&
        resolved.includes(`${path.sep}dist${path.sep}`),
      `${name} resolves to ${resolved}, not to the built tarball`,
    );
  }
  const content = fs.readFileSync(CORPUS_DOCKERFILE, 'utf8');

  // 1. Analysis in a worker thread started from the built package.
  const { createAnalysisPool } = req(NODE_PACKAGE);
  const pool = createAnalysisPool({
    workers: 1,
    rulesetVersion: 'check-packs',
    onWorkerError: error => {
      throw error;
    },
  });
  try {
    const analysis = await pool.analyzeEntity(
      [{ path: 'Dockerfile', content }],
      {
        fileTimeoutMs: 120_000,
        entityTimeoutMs: Infinity,
      },
    );
    const [file] = analysis.files;
    check(
      file?.status === 'analysed',
      `the worker did not analyse the Dockerfile: ${JSON.stringify(
        file?.error ?? file,
      )}`,
    );
    check(file.findings.length > 0, 'the analysed Dockerfile has no findings');
    console.log(
      `runBuiltPackages: analysis worker (dist/analysis/runAnalysisTask.cjs.js): score ${file.score}, grade ${file.grade}, ${file.findings.length} findings`,
    );
  } finally {
    await pool.close();
  }

  // 2. The CLI bin of the built package (its analysis runs in a worker too).
  const bin = path.join(
    ours,
    'plugin-container-scorecard-node',
    'bin',
    'container-scorecard',
  );
  const cli = spawnSync(
    process.execPath,
    [bin, CORPUS_DOCKERFILE, '--format', 'json'],
    {
      cwd: runtime,
      encoding: 'utf8',
      env: process.env,
    },
  );
  check(
    cli.status === 0 || cli.status === 1,
    `the bin exited ${cli.status}: ${cli.stderr}`,
  );
  let report;
  try {
    report = JSON.parse(cli.stdout);
  } catch {
    throw new Error(
      `runBuiltPackages: the bin printed no JSON: ${cli.stdout}${cli.stderr}`,
    );
  }
  const reported = JSON.stringify(report);
  check(
    reported.includes('0001.Dockerfile'),
    `the bin's JSON does not name the file: ${reported.slice(0, 300)}`,
  );
  const version = spawnSync(process.execPath, [bin, '--version'], {
    encoding: 'utf8',
  });
  check(
    version.stdout.trim() === req(`${NODE_PACKAGE}/package.json`).version,
    `the bin reports version ${version.stdout}`,
  );
  console.log(
    `runBuiltPackages: bin container-scorecard ${version.stdout.trim()}: JSON report, exit ${
      cli.status
    }`,
  );

  // 3. The backend: a backend feature, and migrations that run from the package.
  const backend = req(BACKEND_PACKAGE);
  check(
    backend.default?.$$type === '@backstage/BackendFeature',
    `the backend's default export is ${backend.default?.$$type}, not a backend feature`,
  );
  const { resolvePackagePath } = req('@backstage/backend-plugin-api');
  const migrations = resolvePackagePath(BACKEND_PACKAGE, 'migrations');
  check(
    migrations.startsWith(ours),
    `the backend's migrations resolve to ${migrations}`,
  );
  const knex = req('knex')({
    client: 'better-sqlite3',
    connection: { filename: ':memory:' },
    useNullAsDefault: true,
  });
  try {
    const [, applied] = await knex.migrate.latest({ directory: migrations });
    const tables = await knex('sqlite_master')
      .where({ type: 'table' })
      .pluck('name');
    check(
      applied.length === fs.readdirSync(migrations).length,
      `${applied.length} migrations applied`,
    );
    const [, reverted] = await knex.migrate.rollback(
      { directory: migrations },
      true,
    );
    check(
      reverted.length === applied.length,
      `${reverted.length} of ${applied.length} migrations reverted`,
    );
    console.log(
      `runBuiltPackages: backend feature loads; ${applied.length} migrations up (${tables.length} tables) and down on SQLite`,
    );
  } finally {
    await knex.destroy();
  }
}

if (process.argv[2] === '--inner') {
  runChecks(process.argv[3]).catch(error => {
    console.error(error);
    process.exit(1);
  });
} else {
  const [workDir, ...packageDirs] = process.argv.slice(2);
  if (!workDir || packageDirs.length === 0) {
    console.error(
      'usage: runBuiltPackages.js <check-packs work dir> <package dirs...>',
    );
    process.exit(2);
  }
  prepareAndRun(workDir, packageDirs);
}
