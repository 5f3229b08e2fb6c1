import type { ShellCommand } from '../../parsing/shell/shellTypes';
import { defineRule } from '../framework/defineRule';
import {
  commandHasArgument,
  removesDirectory,
} from './helpers/runCommandFacts';
import { uncleanedCacheReports } from './helpers/uncleanedCacheReports';

const isZypperInstall = (c: ShellCommand) =>
  commandHasArgument(c, 'zypper', ['install', 'in']);
/** `zypper clean`/`cc`, or an `rm` of the cache itself (/var/cache/zypp, where zypper keeps it). */
const isZypperClean = (c: ShellCommand) =>
  commandHasArgument(c, 'zypper', ['clean', 'cc']) ||
  removesDirectory(c, ['/var/cache/zypp']);

/** Flags `zypper install` with no `zypper clean` after it in the same RUN, as hadolint DL3036. */
export const zypperCacheNotCleaned = defineRule({
  id: 'zypper-cache-not-cleaned',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'zypper cache left in the image',
  message:
    'zypper install without `zypper clean` after it in the same RUN leaves the package cache in the layer.',
  rationale:
    'Each RUN freezes its files into a layer. zypper keeps repository metadata and packages under /var/cache/zypp: data the running process never reads, shipped to every node that pulls the image. Cleaning in a later RUN does not help, because the earlier layer still holds them.',
  remediation: {
    description:
      'End the RUN that installs with `zypper clean --all` (`zypper cc -a`) or `rm -rf /var/cache/zypp`, or keep /var/cache/zypp in a BuildKit cache mount.',
    before: 'RUN zypper install -y apache2=2.4.58',
    after: 'RUN zypper install -y apache2=2.4.58 && zypper clean --all',
  },
  equivalents: { hadolint: 'DL3036', kics: 'Missing Zypper Clean' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3036',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/38300d1a-feb2-4a48-936a-d1ef1cd24313/',
  },
  equivalentsNote:
    "Same test as hadolint DL3036 (`zypper install`/`in` needs `zypper clean`/`cc` in the same RUN; cache and tmpfs mounts on /var/cache/zypp are accepted (deliberately also on a parent directory); ONBUILD RUN triggers are checked), with two deliberate differences: an `rm` of /var/cache/zypp (or anything under it) counts as the clean-up, since it removes the same files (hadolint only knows `zypper clean`); and the clean must come after the last install, as hadolint requires for yum, dnf and yarn, because a clean before the install leaves the new downloads behind. Commands behind sudo/env wrappers and in `sh -c` strings are read too. Deliberately narrower, as apt-lists-not-cleaned and hadolint's own DL3060 are: only the stages whose layers ship are checked: the final stage and the stages it is built FROM, transitively; a stage only copied from (COPY --from), or the base of such a stage, is not, since its layers never reach the image (hadolint checks any stage another stage is built FROM).",
  fixable: true,
  check({ file }) {
    return uncleanedCacheReports(file, {
      isInstall: isZypperInstall,
      isCleanup: isZypperClean,
      cacheDirectories: ['/var/cache/zypp'],
      cleanCommand: 'zypper clean --all',
    });
  },
});
