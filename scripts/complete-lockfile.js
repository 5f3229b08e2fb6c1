#!/usr/bin/env node
/*
 * Adds to package-lock.json the platform-only optional packages that the registry we install from
 * does not serve (for example @swc/core-darwin-arm64 at the exact version @swc/core pins).
 *
 * `npm install` skips such packages and leaves them out of the lockfile, and `npm ci` then refuses
 * the lockfile as out of sync. Recording them with the os/cpu/libc their names declare lets
 * `npm ci` validate the lockfile and skip them on this platform, as it would with a complete lock.
 *
 * Run after every `npm install` that changes the lockfile: `node scripts/complete-lockfile.js`.
 */
const fs = require('node:fs');
const path = require('node:path');

const lockPath = path.join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(fs.readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const osByToken = {
  darwin: 'darwin',
  linux: 'linux',
  win32: 'win32',
  android: 'android',
  freebsd: 'freebsd',
  openbsd: 'openbsd',
  netbsd: 'netbsd',
  sunos: 'sunos',
  aix: 'aix',
  openharmony: 'openharmony',
};
const cpuByToken = {
  arm64: 'arm64',
  x64: 'x64',
  ia32: 'ia32',
  arm: 'arm',
  ppc64: 'ppc64',
  ppc64le: 'ppc64',
  s390x: 's390x',
  loong64: 'loong64',
  riscv64: 'riscv64',
  wasm32: 'wasm32',
  mips64el: 'mips64el',
};

/** Reads the platform a package name like `@rollup/rollup-linux-arm-musleabihf` targets. */
function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.map(t => osByToken[t]).find(Boolean);
  const cpu = tokens.map(t => cpuByToken[t]).find(Boolean);
  if (!cpu) return undefined;
  const platform = { cpu: [cpu] };
  if (os) platform.os = [os];
  if (tokens.some(t => t.startsWith('musl'))) platform.libc = ['musl'];
  else if (tokens.some(t => t.startsWith('gnu'))) platform.libc = ['glibc'];
  return platform;
}

/** Where Node would find `name` when required from the package at `location`. */
function isResolvable(location, name) {
  let dir = location;
  for (;;) {
    const candidate = dir
      ? `${dir}/node_modules/${name}`
      : `node_modules/${name}`;
    if (packages[candidate]) return true;
    if (!dir) return false;
    const parent = dir.lastIndexOf('/node_modules/');
    dir = parent === -1 ? '' : dir.slice(0, parent);
  }
}

const exactVersion = /^\d+\.\d+\.\d+(-[\w.]+)?$/;
let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(
    entry.optionalDependencies ?? {},
  )) {
    if (isResolvable(location, name) || !exactVersion.test(range)) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    const target = location
      ? `${location}/node_modules/${name}`
      : `node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    const key = packages[hoisted] ? target : hoisted;
    packages[key] = { version: range, optional: true, ...platform };
    added += 1;
  }
}

// npm keeps the packages map sorted; keep diffs small by doing the same.
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
fs.writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(
  `complete-lockfile: recorded ${added} platform-only optional packages`,
);
