// @ts-check
/*
 * Inspects one packed package: `node inspectTarball.js <tarball> <package dir in the repo>
 * <extract dir>`. Extracts it, then fails (exit 1, every problem listed) when it ships
 * development files, lacks its build, types, config schema or migrations, when package.json's
 * entry points name files that are not in it, or when its built code imports a package it does
 * not declare. Prints one summary line: name, size, file count.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { builtinModules } = require('node:module');
const {
  PLUGIN_PACKAGES,
  FORBIDDEN,
  REQUIRED,
  SHIPPED_FOLDERS,
  FEATURES,
} = require('./packageExpectations');

const [tarball, repoPackageDir, extractDir] = process.argv.slice(2);
if (!tarball || !repoPackageDir || !extractDir) {
  console.error(
    'usage: inspectTarball.js <tarball> <package dir in the repo> <extract dir>',
  );
  process.exit(2);
}

const problems = [];
const fail = message => problems.push(message);

fs.mkdirSync(extractDir, { recursive: true });
execFileSync('tar', ['-xzf', tarball, '-C', extractDir]);
const root = path.join(extractDir, 'package');

/** @returns {string[]} every file under dir, relative to root, with / separators */
function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? listFiles(full)
      : [path.relative(root, full).split(path.sep).join('/')];
  });
}
const files = listFiles(root);
const fileSet = new Set(files);
const manifest = JSON.parse(
  fs.readFileSync(path.join(root, 'package.json'), 'utf8'),
);
const name = manifest.name;

// Development files
for (const file of files) {
  const hit = FORBIDDEN.find(({ pattern }) => pattern.test(file));
  if (hit) fail(`ships ${hit.why}: ${file}`);
}

// Required files and folders
for (const file of REQUIRED[name] ?? []) {
  if (!fileSet.has(file)) fail(`lacks ${file}`);
}
if (!REQUIRED[name]) fail(`is not one of the family's packages: ${name}`);
for (const folder of SHIPPED_FOLDERS[name] ?? []) {
  const expected = fs.readdirSync(path.join(repoPackageDir, folder)).sort();
  const shipped = files
    .filter(file => file.startsWith(`${folder}/`))
    .map(file => file.slice(folder.length + 1))
    .sort();
  const missing = expected.filter(file => !shipped.includes(file));
  if (missing.length > 0)
    fail(`lacks ${folder}/${missing.join(`, ${folder}/`)}`);
}

// package.json as published
if (manifest.private) fail('is private: npm publish would refuse it');
if (manifest.publishConfig?.access !== 'public') {
  fail(
    'has no publishConfig.access "public" (a scoped package publishes restricted by default)',
  );
}
for (const field of ['description', 'license', 'version']) {
  if (!manifest[field]) fail(`has no ${field} in package.json`);
}
if (!manifest.repository?.url) fail('has no repository.url in package.json');
const listedPackages = manifest.backstage?.pluginPackages ?? [];
if (
  JSON.stringify([...listedPackages].sort()) !== JSON.stringify(PLUGIN_PACKAGES)
) {
  fail(
    `backstage.pluginPackages is ${JSON.stringify(
      listedPackages,
    )}, not the four packages`,
  );
}
for (const [entry, feature] of Object.entries(FEATURES[name] ?? {})) {
  const declared = manifest.backstage?.features?.[entry];
  if (declared !== feature) {
    fail(
      `backstage.features['${entry}'] is ${declared}, not ${feature}: apps would not discover it`,
    );
  }
}
/** Every file package.json points at must be in the tarball. */
function entryTargets(value) {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(entryTargets);
  }
  return [];
}
const pointed = [
  ...entryTargets(manifest.main),
  ...entryTargets(manifest.module),
  ...entryTargets(manifest.types),
  ...entryTargets(manifest.exports).filter(
    target =>
      target !== '@backstage/FrontendPlugin' &&
      !target.startsWith('@backstage/'),
  ),
  ...entryTargets(manifest.bin),
  ...entryTargets(manifest.configSchema),
];
for (const target of pointed) {
  const file = target.replace(/^\.\//, '');
  if (!fileSet.has(file))
    fail(`package.json points at ${target}, which it does not ship`);
  if (file.startsWith('src/'))
    fail(`package.json still points at the sources: ${target}`);
}
for (const [command, target] of Object.entries(
  typeof manifest.bin === 'string'
    ? { [name]: manifest.bin }
    : manifest.bin ?? {},
)) {
  const file = path.join(root, target);
  if (
    fs.existsSync(file) &&
    !fs.readFileSync(file, 'utf8').startsWith('#!/usr/bin/env node\n')
  ) {
    fail(`bin ${command} (${target}) does not start with a node shebang`);
  }
}

// Every package the built code imports is declared
const declared = new Set([
  ...Object.keys(manifest.dependencies ?? {}),
  ...Object.keys(manifest.peerDependencies ?? {}),
  ...Object.keys(manifest.optionalDependencies ?? {}),
]);
const builtins = new Set(builtinModules);
/*
 * Import forms the build emits, anchored to the start of a line so that rule messages and
 * comments that quote code ("COPY --from 'builder'") are not mistaken for imports.
 */
const STATEMENT_IMPORTS = [
  /^\s*(?:var|const|let)\s+[\w$]+\s*=\s*require\(\s*['"]([^'"\s]+)['"]\s*\)/gm,
  /^\s*require\(\s*['"]([^'"\s]+)['"]\s*\)/gm,
  /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"]([^'"\s]+)['"]/gm,
  /^\s*import\s*['"]([^'"\s]+)['"]/gm,
];
/** Expressions that load a package at run time wherever they stand (not in declarations). */
const CODE_IMPORTS = [
  /\brequire\.resolve\(\s*['"]([^'"\s]+)['"]/g,
  /\bimport\(\s*['"]([^'"\s]+)['"]\s*\)/g,
];
/** Types that declarations import inline: `import('x').Type`. */
const TYPE_IMPORTS = [/\bimport\(\s*['"]([^'"\s]+)['"]\s*\)\./g];
function packageOf(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
const undeclared = new Map();
const used = new Set();
for (const file of files) {
  const isCode = /\.(c|m)?js$/.test(file);
  const isTypes = file.endsWith('.d.ts');
  if (!file.startsWith('dist/') || (!isCode && !isTypes)) continue;
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const patterns = [
    ...STATEMENT_IMPORTS,
    ...(isTypes ? TYPE_IMPORTS : CODE_IMPORTS),
  ];
  for (const pattern of patterns) {
    for (const [, specifier] of text.matchAll(pattern)) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) continue;
      if (specifier.startsWith('node:') || builtins.has(packageOf(specifier)))
        continue;
      const pkg = packageOf(specifier);
      used.add(pkg);
      // A declaration may also be satisfied by a declared @types package.
      const typesPackage = `@types/${pkg.replace(/^@/, '').replace('/', '__')}`;
      if (declared.has(pkg) || (isTypes && declared.has(typesPackage)))
        continue;
      if (!undeclared.has(pkg)) undeclared.set(pkg, file);
    }
  }
}
for (const [pkg, file] of undeclared) {
  fail(
    `imports ${pkg} (in ${file}) without declaring it in dependencies or peerDependencies`,
  );
}

// Not a failure: a dependency may be needed at run time without a static import (a peer's
// plugin, a binary); listed so that a stale one is noticed.
const unused = Object.keys(manifest.dependencies ?? {}).filter(
  dep => !used.has(dep),
);

const size = fs.statSync(tarball).size;
console.log(
  `${path.basename(tarball)}  ${(size / 1024).toFixed(1)} KiB  ${
    files.length
  } files  ${name}@${manifest.version}`,
);
if (unused.length > 0) {
  console.log(
    `  note: no import of ${unused.join(
      ', ',
    )} in the build (declared as dependencies)`,
  );
}
if (problems.length > 0) {
  for (const problem of problems) console.error(`  ✗ ${name} ${problem}`);
  process.exit(1);
}
