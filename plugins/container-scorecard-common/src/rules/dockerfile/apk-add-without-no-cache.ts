import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import {
  commandHasArgument,
  commandHasOption,
  hasCacheOrTmpfsMountWith,
  insertAfterWordFix,
  runInstructions,
  stageReachesImage,
} from './helpers/runCommandFacts';

/** Flags `apk add` without `--no-cache`, as hadolint DL3019 does. */
export const apkAddWithoutNoCache = defineRule({
  id: 'apk-add-without-no-cache',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'apk add keeps its package index in the image',
  message:
    'apk add without --no-cache leaves the downloaded package index in the layer: add --no-cache.',
  rationale:
    'A container only needs the files its process runs. Without `--no-cache`, apk stores the repository index under /var/cache/apk, and the RUN freezes it into a layer that every replica pulls and nobody reads at run time; deleting it in a later RUN does not shrink the earlier layer.',
  remediation: {
    description:
      'Pass `--no-cache` to `apk add` (it also makes `--update` and `rm -rf /var/cache/apk/*` unnecessary), or keep /var/cache/apk in a BuildKit cache mount.',
    before: 'RUN apk add --update curl=8.9.1-r2 && rm -rf /var/cache/apk/*',
    after: 'RUN apk add --no-cache curl=8.9.1-r2',
  },
  equivalents: { hadolint: 'DL3019', kics: 'Apk Add Using Local Cache Path' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3019',
    kics: 'https://docs.kics.io/latest/queries/dockerfile-queries/ae9c56a6-3ed1-4ac0-9b54-31267f51151d/',
  },
  equivalentsNote:
    "Same test as hadolint DL3019: `apk add` without a `--no-cache` option is flagged unless a BuildKit cache or tmpfs mount covers /var/cache/apk (deliberately also a mount on a parent such as /var/cache, which hadolint does not see); ONBUILD RUN triggers are checked too. Beyond hadolint, the command is also found behind sudo/env wrappers and in `sh -c` strings. Deliberately narrower: `apk add --no-network` (as in the official images' run-time dependency step) downloads nothing and is not flagged; and, as apt-lists-not-cleaned and hadolint's own DL3060 are: only the stages whose layers ship are checked: the final stage and the stages it is built FROM, transitively; a stage only copied from (COPY --from), or the base of such a stage, is not, since its layers never reach the image (hadolint checks any stage another stage is built FROM).",
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
      if (hasCacheOrTmpfsMountWith(instruction, ['/var/cache/apk'])) continue;
      for (const command of commands) {
        if (!commandHasArgument(command, 'apk', ['add'])) continue;
        if (commandHasOption(command, 'no-cache')) continue;
        // `--no-network` installs only what is already on disk: nothing is downloaded or cached.
        if (commandHasOption(command, 'no-network')) continue;
        const fix = insertAfterWordFix(command, 'add', ' --no-cache');
        reports.push({
          range: {
            start: command.nameWord.range.start,
            end: command.range.end,
          },
          ...(fix ? { fix } : {}),
        });
      }
    }
    return reports;
  },
});
