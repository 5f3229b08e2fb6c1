import type {
  DockerFlag,
  DockerInstruction,
  DockerfileModel,
} from '../../parsing/dockerfile/dockerfileTypes';
import type { ShellCommand } from '../../parsing/shell/shellTypes';
import type { RuleReport } from '../framework/ruleTypes';
import { defineRule } from '../framework/defineRule';
import { isBaseOfAnotherStage } from './helpers/dockerfileScope';
import type { LineIndex } from '../../text/LineIndex';

const LISTS = '/var/lib/apt/lists';
const CLEANUP = ` && rm -rf ${LISTS}/*`;

/** The targets of the `--mount=type=cache,...` flags of a RUN. */
function cacheMountTargets(flags: DockerFlag[]): string[] {
  return flags
    .filter(flag => flag.name === 'mount' && flag.value)
    .map(flag => {
      const options = new Map(
        (flag.value as string).split(',').map(part => {
          const eq = part.indexOf('=');
          return eq < 0
            ? ([part.trim(), ''] as const)
            : ([part.slice(0, eq).trim(), part.slice(eq + 1).trim()] as const);
        }),
      );
      if (options.get('type') !== 'cache') return undefined;
      return (
        options.get('target') ??
        options.get('dst') ??
        options.get('destination')
      );
    })
    .filter((target): target is string => !!target);
}

/** BuildKit cache mounts keep the lists out of the image, as hadolint accepts them. */
function listsAreCacheMounted(flags: DockerFlag[]): boolean {
  const targets = cacheMountTargets(flags);
  return (
    targets.some(t => t.startsWith(LISTS)) ||
    (targets.some(t => t.startsWith('/var/lib/apt')) &&
      targets.some(t => t.startsWith('/var/cache/apt')))
  );
}

function isAptGetUpdate(command: ShellCommand): boolean {
  return (
    command.program === 'apt-get' &&
    command.args.some(arg => arg.value === 'update')
  );
}

/** `rm -rf /var/lib/apt/lists/*`, or `apt-get dist-clean` (apt 2.7+), which also drops them. */
function removesLists(command: ShellCommand): boolean {
  if (command.program === 'apt-get' || command.program === 'apt')
    return command.args.some(arg => arg.value === 'dist-clean');
  return (
    command.program === 'rm' &&
    command.args.some(arg => arg.value.startsWith(LISTS))
  );
}

/**
 * Stages whose content can reach the image: the final stage and any stage another stage is
 * built FROM (hadolint's reading: a build stage only copied from with COPY --from is not
 * checked). A fragment without FROM is checked whole.
 */
function stageMatters(model: DockerfileModel, stageIndex: number): boolean {
  if (stageIndex < 0) return true;
  const stage = model.stages[stageIndex];
  return stage.isFinal || isBaseOfAnotherStage(model, stageIndex);
}

function appendFix(
  instruction: DockerInstruction,
  lineIndex: LineIndex,
): RuleReport['fix'] {
  const text = instruction.argumentsText;
  if (
    instruction.form !== 'shell' ||
    instruction.shell.hasSyntaxErrors ||
    text.includes('<<') ||
    text.includes('#')
  )
    return undefined;
  const at = lineIndex.positionAt(instruction.endOffset);
  return [{ range: { start: at, end: at }, newText: CLEANUP }];
}

/**
 * Flags a RUN that runs `apt-get update` without removing /var/lib/apt/lists in the same RUN,
 * following hadolint's DL3009: the final stage and stages other stages build FROM are checked;
 * a BuildKit cache mount on the lists (or on both /var/lib/apt and /var/cache/apt) counts as
 * clean.
 */
export const aptListsNotCleaned = defineRule({
  id: 'apt-lists-not-cleaned',
  pillar: 'minimal',
  severity: 'low',
  appliesTo: ['dockerfile'],
  title: 'apt lists left in the image',
  message:
    'apt-get update without `rm -rf /var/lib/apt/lists/*` in the same RUN leaves the package lists in the layer.',
  rationale:
    'Each RUN freezes its files into a layer. The package indexes that apt-get update downloads are tens of megabytes that the running process never reads; removing them in a later RUN does not help, because the earlier layer still ships them. Stale indexes in the image also tempt later steps to install from outdated metadata instead of refreshing it.',
  remediation: {
    description:
      'Remove the lists at the end of the same RUN that updates and installs, or keep them in a BuildKit cache mount.',
    before:
      'RUN apt-get update && apt-get install -y --no-install-recommends curl',
    after:
      'RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n    && rm -rf /var/lib/apt/lists/*',
  },
  equivalents: { hadolint: 'DL3009' },
  equivalentsNote:
    'hadolint accepts any `rm` with `-rf` as cleanup; this rule needs the rm to name /var/lib/apt/lists (or `apt-get dist-clean`, which removes them too). It also reads `sh -c` strings and commands run through sudo.',
  fixable: true,
  check({ file }) {
    const model = file.dockerfile;
    const reports: RuleReport[] = [];
    for (const instruction of model.instructions) {
      if (instruction.keyword !== 'RUN') continue;
      const { commands } = instruction.shell;
      const update = commands.find(isAptGetUpdate);
      if (!update || commands.some(removesLists)) continue;
      if (listsAreCacheMounted(instruction.flags)) continue;
      if (!stageMatters(model, instruction.stageIndex)) continue;
      const fix = appendFix(instruction, file.lineIndex);
      reports.push({
        range: { start: update.nameWord.range.start, end: update.range.end },
        ...(fix ? { fix } : {}),
      });
    }
    return reports;
  },
});
