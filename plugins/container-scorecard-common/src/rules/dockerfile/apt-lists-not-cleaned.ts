import type { DockerInstruction } from '../../parsing/dockerfile/dockerfileTypes';
import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import {
  appendToRunFix,
  runInstructions,
  runMounts,
  stageReachesImage,
} from './helpers/runCommandFacts';

const LISTS = '/var/lib/apt/lists';

/**
 * BuildKit cache or tmpfs mounts keep the lists out of the layer: one on the lists, or one on
 * /var/lib/apt together with one on /var/cache/apt (hadolint's two accepted forms, where a
 * mount counts when its target starts with the directory). hadolint accepts only cache mounts;
 * a tmpfs mount is emptied when the RUN ends, so it keeps the lists out just as well.
 */
function listsAreMountedAway(instruction: DockerInstruction): boolean {
  const targets = runMounts(instruction)
    .filter(mount => mount.type === 'cache' || mount.type === 'tmpfs')
    .map(mount => mount.target ?? '');
  const has = (dir: string) => targets.some(t => t.startsWith(dir));
  return has(LISTS) || (has('/var/lib/apt') && has('/var/cache/apt'));
}

/** `apt-get update`, and the same through `apt` or `aptitude`: all three refill the lists. */
function updatesLists(command: ShellCommand): boolean {
  return (
    ['apt-get', 'apt', 'aptitude'].includes(command.program) &&
    command.args.some(arg => arg.value === 'update')
  );
}

/**
 * `rm -rf /var/lib/apt/lists/*`, `find /var/lib/apt/lists ... -delete` (or `-exec rm`), or
 * `apt-get dist-clean` (apt 2.7+), which also drops them.
 */
function removesLists(command: ShellCommand): boolean {
  if (command.program === 'apt-get' || command.program === 'apt')
    return command.args.some(arg => arg.value === 'dist-clean');
  const namesLists = command.args.some(arg => arg.value.startsWith(LISTS));
  if (command.program === 'find')
    return (
      namesLists &&
      command.args.some(arg => arg.value === '-delete' || arg.value === '-exec')
    );
  return command.program === 'rm' && namesLists;
}

/**
 * Flags a RUN (or ONBUILD RUN) that updates the apt lists without removing /var/lib/apt/lists
 * in the same RUN, following hadolint's DL3009: the final stage and stages other stages build
 * FROM are checked; a BuildKit cache or tmpfs mount on the lists (or on both /var/lib/apt and
 * /var/cache/apt) counts as clean.
 */
export const aptListsNotCleaned = defineRule({
  id: 'apt-lists-not-cleaned',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'apt lists left in the image',
  message:
    'apt-get update (or apt update) without `rm -rf /var/lib/apt/lists/*` in the same RUN leaves the package lists in the layer.',
  rationale:
    'Each RUN freezes its files into a layer. The package indexes that apt-get update downloads are tens of megabytes that the running process never reads; removing them in a later RUN does not help, because the earlier layer still ships them. Stale indexes in the image also tempt later steps to install from outdated metadata instead of refreshing it. `apt update` and `aptitude update` fill the same lists as `apt-get update` and are held to the same test; a BuildKit cache or tmpfs mount on the lists counts as clean, since nothing under it reaches the layer; only the stages whose layers ship are judged (the final stage and the stages it is built FROM, transitively): a stage that only feeds COPY --from, directly or through the stages built on it, leaves its lists behind in the builder, not in the image; an ONBUILD RUN is checked wherever it is written, because it runs in every image built FROM this one. Only a clean-up that removes the lists themselves counts (rm, find -delete, apt-get dist-clean): an `rm -rf` of other directories leaves them in the layer.',
  remediation: {
    description:
      'Remove the lists at the end of the same RUN that updates and installs, or keep them in a BuildKit cache (or tmpfs) mount. `apt update` and `aptitude update` fill the same lists and need the same clean-up.',
    before:
      'RUN apt-get update && apt-get install -y --no-install-recommends curl',
    after:
      'RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*',
  },
  equivalents: { hadolint: 'DL3009' },
  equivalentLinks: {
    hadolint: 'https://github.com/hadolint/hadolint/wiki/DL3009',
  },
  equivalentsNote:
    'Same test as hadolint DL3009 for `apt-get update` and ONBUILD RUN triggers (flagged in any stage, as hadolint does, since they run in the child build). Deliberate differences: hadolint checks the final stage and any stage another stage is built FROM; this rule checks the final stage and its FROM ancestry only (the stages it is built FROM, transitively), so a base stage whose only children are build stages copied from (`FROM build-base AS openssl` … `COPY --from=openssl` into a fresh final stage) is not flagged: its lists never reach the shipped image; `apt update` and `aptitude update` refill the lists just like `apt-get update`, so they count too (hadolint only knows apt-get); a tmpfs mount on the lists is accepted like a cache mount (hadolint accepts only `type=cache`), since it is emptied when the RUN ends; hadolint accepts any `rm -rf` as clean-up (`rm -rf /tmp/*` too), this rule needs the clean-up to name /var/lib/apt/lists: an `rm`, a `find ... -delete` or `-exec rm` on it, or `apt-get dist-clean`, which removes the lists too. Beyond hadolint, `sh -c` strings and commands run through sudo are read.',
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const { instruction, commands } of runInstructions(model, {
      onbuild: true,
    })) {
      const update = commands.find(updatesLists);
      if (!update || commands.some(removesLists)) continue;
      if (listsAreMountedAway(instruction)) continue;
      // An ONBUILD trigger runs in whichever build uses this image as its base, so the stage
      // it is written in does not decide whether its layer ships (hadolint flags it anywhere).
      if (
        instruction.keyword === 'RUN' &&
        !stageReachesImage(model, instruction.stageIndex)
      )
        continue;
      const fix = appendToRunFix(
        instruction,
        file.lineIndex,
        `rm -rf ${LISTS}/*`,
      );
      reports.push({
        range: { start: update.nameWord.range.start, end: update.range.end },
        ...(fix ? { fix } : {}),
      });
    }
    return reports;
  },
});
