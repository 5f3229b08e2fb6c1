import type { ShellCommand } from '../../parsing/shell/shellTypes';
import { defineRule } from '../framework/defineRule';
import {
  commandHasArgument,
  removesDirectory,
} from './helpers/runCommandFacts';
import { uncleanedCacheReports } from './helpers/uncleanedCacheReports';

const isYumInstall = (c: ShellCommand) =>
  commandHasArgument(c, 'yum', ['install']);

/** `yum clean all` (both words: `yum clean` alone or `yum clean cache` is not enough). */
const isYumCleanup = (c: ShellCommand) =>
  (commandHasArgument(c, 'yum', ['clean']) &&
    c.args.some(a => a.value === 'all')) ||
  removesDirectory(c, ['/var/cache/yum']);

/** Flags `yum install` with no `yum clean all` after it in the same RUN, as hadolint DL3032. */
export const yumCacheNotCleaned = defineRule({
  id: 'yum-cache-not-cleaned',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'yum cache left in the image',
  message:
    'yum install without `yum clean all` after it in the same RUN leaves the package cache in the layer.',
  rationale:
    'Each RUN freezes its files into a layer. yum keeps downloaded packages and repository metadata under /var/cache/yum: tens of megabytes the running process never reads, shipped to every node that pulls the image. Cleaning in a later RUN does not help, because the earlier layer still holds them.',
  remediation: {
    description:
      'End the RUN that installs with `yum clean all` (or `rm -rf /var/cache/yum/*`), or keep /var/cache/yum in a BuildKit cache mount.',
    before: 'RUN yum install -y httpd-2.4.6',
    after: 'RUN yum install -y httpd-2.4.6 && yum clean all',
  },
  equivalents: { hadolint: 'DL3032', kics: 'Yum Clean All Missing' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3032',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/00481784-25aa-4a55-8633-3136dfcf4f37/',
  },
  equivalentsNote:
    "Same test as hadolint DL3032: `yum clean all` or `rm -rf /var/cache/yum/*` must follow the last `yum install` of the RUN (a clean before the install does not count), a cache or tmpfs mount on /var/cache/yum (deliberately also on a parent directory) is accepted, and ONBUILD RUN triggers are checked. Beyond hadolint, commands behind sudo/env wrappers and in `sh -c` strings are read too. Deliberately narrower, as apt-lists-not-cleaned and hadolint's own DL3060 are: only the stages whose layers ship are checked: the final stage and the stages it is built FROM, transitively; a stage only copied from (COPY --from), or the base of such a stage, is not, since its layers never reach the image (hadolint checks any stage another stage is built FROM).",
  fixable: true,
  check({ file }) {
    return uncleanedCacheReports(file, {
      isInstall: isYumInstall,
      isCleanup: isYumCleanup,
      cacheDirectories: ['/var/cache/yum'],
      cleanCommand: 'yum clean all',
    });
  },
});
