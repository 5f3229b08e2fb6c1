// @ts-check
/*
 * The stock app's package.json edits for scripts/verify-install.sh.
 *
 * `node add-packages.js stock-app` (before the stock app's first install) pins the app to its
 * Backstage release and declares which install scripts it runs.
 *
 * The release: create-app's template asks for ranges (^) and normally brings a seed yarn.lock
 * from GitHub, which is out of reach here. Without it, Yarn takes the newest versions in range,
 * from later Backstage releases, and the stock app does not start (1.55's backend-defaults with a
 * newer signals backend: "httpRouter.addWebSocketHandler is not a function"). Backstage's release
 * manifest is not reachable either (and the registry's publication times are not in release
 * order here, so an age gate cannot stand in for it). So root resolutions pin `@backstage/*` to
 * the release's versions: those create-app itself writes into the template (its
 * dist/lib/versions.cjs.js, CREATE_APP_DIR), then, for the packages they depend on, the versions
 * in this repository's package-lock.json (REPO_LOCKFILE), which is on the same release.
 *
 * The install scripts, as this repository's package.json does with allowScripts for
 * npm: keytar (needs libsecret headers, which a stock machine may lack) and the other native or
 * postinstall packages are not needed to run the app and are left unbuilt. better-sqlite3, the
 * backend's database, is needed, but its prebuilt binaries cannot be downloaded here:
 * verify-install.sh compiles it once per version and Node ABI and keeps the binary in its cache
 * (a compile of minutes on every run otherwise).
 *
 * `node add-packages.js plugins` makes the package READMEs' `yarn --cwd packages/<workspace> add`
 * steps for packages that exist only as tarballs: the dependency goes into the workspace's
 * package.json as `yarn add` writes it (^version), and the root package.json's resolutions send
 * every one of the four names, wherever it is needed, to its tarball.
 */
const fs = require('node:fs');
const path = require('node:path');

/** @param {string} name */
function env(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

/** @param {string} file @param {(json: any) => void} change */
function editJson(file, change) {
  const json = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(json);
  fs.writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
}

const app = env('APP');

function pinToRelease() {
  /** @type {Record<string, string>} */
  const pins = {};
  const lockfile = JSON.parse(fs.readFileSync(env('REPO_LOCKFILE'), 'utf8'));
  for (const [where, entry] of Object.entries(lockfile.packages ?? {})) {
    const match = /^node_modules\/(@backstage\/[^/]+)$/.exec(where);
    if (match && entry.version) pins[match[1]] = entry.version;
  }
  const fromRepository = Object.keys(pins).length;
  const { packageVersions } = require(path.join(
    env('CREATE_APP_DIR'),
    'dist/lib/versions.cjs.js',
  ));
  let fromCreateApp = 0;
  for (const [name, version] of Object.entries(packageVersions)) {
    if (name.startsWith('@backstage/')) {
      pins[name] = String(version);
      fromCreateApp += 1;
    }
  }
  if (fromCreateApp < 20 || fromRepository < 20) {
    throw new Error(
      `too few release versions: ${fromCreateApp} from create-app, ${fromRepository} from package-lock.json`,
    );
  }
  editJson(path.join(app, 'package.json'), root => {
    root.resolutions = { ...root.resolutions, ...pins };
  });
  console.log(
    `package.json: ${
      Object.keys(pins).length
    } @backstage/* packages pinned (${fromCreateApp} from create-app, the others from package-lock.json)`,
  );
}

function declareInstallScripts() {
  const unbuilt = [
    '@scarf/scarf',
    '@swc/core',
    '@tree-sitter-grammars/tree-sitter-yaml',
    'better-sqlite3',
    'core-js',
    'core-js-pure',
    'cpu-features',
    'esbuild',
    'keytar',
    'protobufjs',
    'ssh2',
    'tree-sitter',
    'tree-sitter-json',
  ];
  editJson(path.join(app, 'package.json'), root => {
    root.dependenciesMeta = { ...root.dependenciesMeta };
    for (const name of unbuilt) root.dependenciesMeta[name] = { built: false };
  });
}

function addPlugins() {
  const version = env('PLUGIN_VERSION');
  const tarballs = Object.fromEntries(
    env('TARBALLS')
      .split('\n')
      .filter(Boolean)
      .map(line => {
        const at = line.indexOf('=');
        return [line.slice(0, at), line.slice(at + 1)];
      }),
  );
  if (Object.keys(tarballs).length !== 4) {
    throw new Error(`expected four tarballs, got ${JSON.stringify(tarballs)}`);
  }
  /** @param {string} workspace @param {string} name */
  const addDependency = (workspace, name) =>
    editJson(path.join(app, 'packages', workspace, 'package.json'), pkg => {
      if (!pkg.dependencies)
        throw new Error(`${workspace} has no dependencies`);
      pkg.dependencies[name] = `^${version}`;
    });
  addDependency('backend', env('BACKEND_PACKAGE'));
  addDependency('app', env('FRONTEND_PACKAGE'));
  editJson(path.join(app, 'package.json'), root => {
    root.resolutions = { ...root.resolutions };
    for (const [name, file] of Object.entries(tarballs)) {
      root.resolutions[name] = `file:${file}`;
    }
  });
}

const mode = process.argv[2];
if (mode === 'stock-app') {
  pinToRelease();
  declareInstallScripts();
} else if (mode === 'plugins') addPlugins();
else throw new Error(`usage: add-packages.js stock-app|plugins (got ${mode})`);
