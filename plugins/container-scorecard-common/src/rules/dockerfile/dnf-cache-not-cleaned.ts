import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import {
  appendToRunFix,
  commandHasArgument,
  hasCacheOrTmpfsMountWith,
  installWithoutLaterCleanup,
  removesDirectory,
  runInstructions,
  stageReachesImage,
} from './helpers/runCommandFacts';

const DNF_PROGRAMS = ['dnf', 'microdnf'] as const;

/** The dnf subcommands that download packages (hadolint's list, aliases included). */
const FILLING_SUBCOMMANDS = [
  'install',
  'in',
  'upgrade',
  'up',
  'upgrade-minimal',
  'up-min',
  'reinstall',
  'rei',
];

/** dnf 4 keeps its cache in /var/cache/dnf (yum's path on older releases), dnf 5 in libdnf5. */
const CACHE_DIRECTORIES = [
  '/var/cache/yum',
  '/var/cache/dnf',
  '/var/cache/libdnf5',
];
const MOUNT_FRAGMENTS = [
  '/var/cache/libdnf5',
  '.cache/libdnf5',
  '/var/cache/dnf',
  '/var/cache/yum',
];

/** Flags dnf/microdnf installs with no `clean all` after them in the same RUN, as hadolint DL3040. */
export const dnfCacheNotCleaned = defineRule({
  id: 'dnf-cache-not-cleaned',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'dnf cache left in the image',
  message:
    'dnf install without `dnf clean all` after it in the same RUN leaves the package cache in the layer.',
  rationale:
    'Each RUN freezes its files into a layer. dnf keeps repository metadata and downloaded packages in its cache directory: data the running process never reads, shipped to every node that pulls the image. Cleaning in a later RUN does not help, because the earlier layer still holds them.',
  remediation: {
    description:
      'End the RUN that installs with `dnf clean all` (`microdnf clean all` for microdnf), or keep the cache in a BuildKit cache mount.',
    before: 'RUN dnf install -y httpd-2.4.62',
    after: 'RUN dnf install -y httpd-2.4.62 && dnf clean all',
  },
  equivalents: { hadolint: 'DL3040', kics: 'Missing Dnf Clean All' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3040',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/295acb63-9246-4b21-b441-7c1f1fb62dc0/',
  },
  equivalentsNote:
    "Same test as hadolint DL3040: install, upgrade and reinstall (and their aliases) by dnf or microdnf need a `clean all` by the same program, or an `rm` of the cache, after them in the RUN; cache and tmpfs mounts on /var/cache/libdnf5 are accepted (deliberately also on a parent directory); ONBUILD RUN triggers are checked. Deliberately wider: `rm` of /var/cache/dnf and mounts on /var/cache/dnf or /var/cache/yum also count, since dnf 4 keeps its cache there. Commands behind sudo/env wrappers and in `sh -c` strings are read too. Deliberately narrower, as apt-lists-not-cleaned and hadolint's own DL3060 are: only the stages whose layers ship are checked: the final stage and the stages it is built FROM, transitively; a stage only copied from (COPY --from), or the base of such a stage, is not, since its layers never reach the image (hadolint checks any stage another stage is built FROM).",
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { instruction, commands } of runInstructions(model, {
      onbuild: true,
    })) {
      if (
        instruction.keyword === 'RUN' &&
        !stageReachesImage(model, instruction.stageIndex)
      )
        continue;
      if (hasCacheOrTmpfsMountWith(instruction, MOUNT_FRAGMENTS)) continue;
      for (const program of DNF_PROGRAMS) {
        const install = installWithoutLaterCleanup(
          commands,
          c => commandHasArgument(c, program, FILLING_SUBCOMMANDS),
          (c: ShellCommand) =>
            (commandHasArgument(c, program, ['clean']) &&
              c.args.some(a => a.value === 'all')) ||
            removesDirectory(c, CACHE_DIRECTORIES),
        );
        if (!install) continue;
        const fix = appendToRunFix(
          instruction,
          file.lineIndex,
          `${program} clean all`,
        );
        reports.push({
          range: {
            start: install.nameWord.range.start,
            end: install.range.end,
          },
          message: `${program} ${
            install.args.find(a => FILLING_SUBCOMMANDS.includes(a.value))
              ?.value ?? 'install'
          } without \`${program} clean all\` after it in the same RUN leaves the package cache in the layer.`,
          ...(fix ? { fix } : {}),
        });
      }
    }
    return reports;
  },
});
