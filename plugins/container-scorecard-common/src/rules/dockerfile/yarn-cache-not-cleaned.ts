import type { ShellCommand } from '../../parsing/shell/shellTypes';
import { defineRule } from '../framework/defineRule';
import { commandHasArgument } from './helpers/runCommandFacts';
import { uncleanedCacheReports } from './helpers/uncleanedCacheReports';

const isYarnInstall = (c: ShellCommand) =>
  commandHasArgument(c, 'yarn', ['install']);
const isYarnCacheClean = (c: ShellCommand) =>
  commandHasArgument(c, 'yarn', ['cache']) &&
  c.args.some(a => a.value === 'clean');

/** Flags `yarn install` with no `yarn cache clean` after it in the same RUN, as hadolint DL3060. */
export const yarnCacheNotCleaned = defineRule({
  id: 'yarn-cache-not-cleaned',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'yarn cache left in the image',
  message:
    'yarn install without `yarn cache clean` after it in the same RUN leaves the package cache in the layer.',
  rationale:
    'A container ships only what its process needs. yarn keeps a copy of every package tarball it fetched in its global cache, so an image that installs dependencies carries them twice: once in node_modules, where the process reads them, and once in the cache, where nothing ever will.',
  remediation: {
    description:
      'End the RUN that installs with `yarn cache clean`, keep the cache in a BuildKit cache mount, or install in a build stage and copy only node_modules into the final one.',
    before: 'RUN yarn install --frozen-lockfile',
    after: 'RUN yarn install --frozen-lockfile && yarn cache clean',
  },
  equivalents: { hadolint: 'DL3060' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3060',
  },
  equivalentsNote:
    'Same test as hadolint DL3060: a RUN with `yarn install` and no `yarn cache clean` after it is flagged in the final stage and the stages it is built FROM, transitively (deliberately narrower than hadolint, which checks any stage another stage is built FROM: a stage only copied from, or the base of such a stage, never reaches the image), unless a cache or tmpfs mount covers .cache/yarn (deliberately also a mount on a parent directory); ONBUILD RUN triggers are always checked, since they run in whatever image is built on this one. Commands behind sudo/env wrappers and in `sh -c` strings are read too.',
  fixable: true,
  check({ file }) {
    return uncleanedCacheReports(file, {
      isInstall: isYarnInstall,
      isCleanup: isYarnCacheClean,
      cacheDirectories: ['.cache/yarn'],
      cleanCommand: 'yarn cache clean',
    });
  },
});
