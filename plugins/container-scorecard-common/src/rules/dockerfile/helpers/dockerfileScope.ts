import type {
  DockerInstruction,
  DockerStage,
  DockerfileModel,
} from '../../../parsing/dockerfile/dockerfileTypes';
import { programName } from '../../../parsing/shell/commandWrappers';
import type { ShellCommand } from '../../../parsing/shell/shellTypes';

/** Shells whose scripts are not POSIX shell: we do not read their RUN text as shell. */
const NON_POSIX_SHELLS = /^(pwsh|powershell|cmd)(\.exe)?$/i;
/** Windows base images run RUN with `cmd /S /C` unless a SHELL says otherwise. */
const WINDOWS_IMAGE =
  /(^|\/)windows(\/|:|$)|nanoserver|servercore|dotnet\/framework/i;

/**
 * A stage followed by the earlier stages it is built FROM (`FROM build AS final`), newest first.
 * USER, HEALTHCHECK, CMD and the base image are all inherited along this chain. A cycle (which a
 * builder rejects) ends the chain instead of looping.
 */
export function stageAncestry(
  model: DockerfileModel,
  stage: DockerStage,
): DockerStage[] {
  const chain: DockerStage[] = [];
  const seen = new Set<number>();
  let current: DockerStage | undefined = stage;
  while (current && !seen.has(current.index)) {
    seen.add(current.index);
    chain.push(current);
    current =
      current.from.baseStageIndex === undefined
        ? undefined
        : model.stages[current.from.baseStageIndex];
  }
  return chain;
}

const shippedByModel = new WeakMap<DockerfileModel, Set<number>>();

/**
 * True when the stage's layers are part of the image that ships: the final stage and the stages
 * it is built FROM, transitively (`FROM build-base AS app` makes build-base's layers app's). A
 * stage that only feeds other stages through `COPY --from`, or only serves as the base of such a
 * stage, leaves none of its own files behind. Asked per RUN, so the set is computed once per
 * model (one walk up the final stage's FROM chain), not searched per question.
 */
export function isShippedStage(
  model: DockerfileModel,
  stageIndex: number,
): boolean {
  let shipped = shippedByModel.get(model);
  if (!shipped) {
    const final = model.stages.find(stage => stage.isFinal);
    shipped = new Set(
      final ? stageAncestry(model, final).map(stage => stage.index) : [],
    );
    shippedByModel.set(model, shipped);
  }
  return shipped.has(stageIndex);
}

/** The stage a stage ultimately builds on, through `FROM <earlier stage>` chains. */
export function rootStage(
  model: DockerfileModel,
  stage: DockerStage,
): DockerStage {
  const chain = stageAncestry(model, stage);
  return chain[chain.length - 1];
}

/** True when the stage runs on a Windows base image. */
export function isWindowsStage(
  model: DockerfileModel,
  stage: DockerStage,
): boolean {
  return WINDOWS_IMAGE.test(rootStage(model, stage).from.image);
}

/**
 * The instructions that end up in the shipped image: those of the final stage and of the
 * earlier stages it builds on (`FROM build AS final`), oldest first. A fragment without FROM is
 * taken whole.
 */
export function finalImageInstructions(
  model: DockerfileModel,
): DockerInstruction[] {
  const stage = model.finalStage;
  if (!stage) return model.instructions;
  return stageAncestry(model, stage)
    .reverse()
    .flatMap(s => s.instructions);
}

/**
 * The last CMD and the last ENTRYPOINT that reach the running container (following
 * `FROM <earlier stage>`), when the Dockerfile sets them.
 */
export function effectiveStartInstructions(
  model: DockerfileModel,
): DockerInstruction[] {
  const instructions = finalImageInstructions(model);
  const last = (keyword: string) =>
    instructions.filter(i => i.keyword === keyword).pop();
  return [last('ENTRYPOINT'), last('CMD')].filter(
    (i): i is DockerInstruction => i !== undefined,
  );
}

/**
 * The shell commands of an instruction that a POSIX shell (or the exec form) really runs.
 * Shell-form instructions under a PowerShell/cmd SHELL, or on a Windows base image without a
 * POSIX SHELL, give none: their text is not shell script and Linux advice does not apply.
 */
export function commandsOf(
  model: DockerfileModel,
  instruction: DockerInstruction,
): ShellCommand[] {
  if (instruction.form === 'exec') return instruction.shell.commands;
  return isPosixShellAt(model, instruction) ? instruction.shell.commands : [];
}

function isPosixShellAt(
  model: DockerfileModel,
  instruction: DockerInstruction,
): boolean {
  const stage = model.stages[instruction.stageIndex];
  if (!stage) return true;
  const shells = shellsOf(model)[stage.index];
  // The last SHELL of this stage written before the instruction wins; without one, the shell
  // the stage inherits from the stages it builds on.
  const before = instruction.startOffset;
  let low = 0;
  let high = shells.switches.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (shells.switches[mid].startOffset < before) low = mid + 1;
    else high = mid;
  }
  return low > 0 ? shells.switches[low - 1].posix : shells.inherited;
}

/** The SHELL instructions of one stage, in file order, and the shell the stage starts with. */
interface StageShells {
  switches: { startOffset: number; posix: boolean }[];
  inherited: boolean;
  /** The shell in effect at the end of the stage: what a stage built FROM it inherits. */
  atEnd: boolean;
}

/**
 * Every stage's SHELL instructions, computed once per model: looking them up for each RUN by
 * walking the stage and the stages it builds on cost time quadratic in the Dockerfile's size.
 */
const shellsByModel = new WeakMap<DockerfileModel, StageShells[]>();

function shellsOf(model: DockerfileModel): StageShells[] {
  const cached = shellsByModel.get(model);
  if (cached) return cached;
  const switchesOf = model.stages.map(stage =>
    stage.instructions
      .filter(i => i.keyword === 'SHELL')
      .map(i => ({
        startOffset: i.startOffset,
        posix: !NON_POSIX_SHELLS.test(
          programName(i.execArguments?.[0]?.value ?? ''),
        ),
      }))
      .sort((a, b) => a.startOffset - b.startOffset),
  );
  const shells: StageShells[] = [];
  for (const stage of model.stages) {
    const switches = switchesOf[stage.index];
    const baseIndex = stage.from.baseStageIndex;
    let inherited: boolean;
    if (baseIndex === undefined)
      inherited = !WINDOWS_IMAGE.test(stage.from.image);
    // The parser only lets a stage build on an earlier one, whose shells are known by now.
    else if (baseIndex < stage.index) inherited = shells[baseIndex].atEnd;
    else inherited = walkForShell(model, switchesOf, stage);
    shells.push({
      switches,
      inherited,
      atEnd:
        switches.length > 0 ? switches[switches.length - 1].posix : inherited,
    });
  }
  shellsByModel.set(model, shells);
  return shells;
}

/**
 * The shell a stage inherits, found by walking the stages it builds on: only for models built by
 * hand with a stage based on a later one (or a cycle, which ends the walk with a POSIX shell).
 */
function walkForShell(
  model: DockerfileModel,
  switchesOf: StageShells['switches'][],
  stage: DockerStage,
): boolean {
  const seen = new Set<number>([stage.index]);
  let current: DockerStage | undefined =
    stage.from.baseStageIndex === undefined
      ? undefined
      : model.stages[stage.from.baseStageIndex];
  while (current && !seen.has(current.index)) {
    seen.add(current.index);
    const switches = switchesOf[current.index];
    if (switches.length > 0) return switches[switches.length - 1].posix;
    if (current.from.baseStageIndex === undefined)
      return !WINDOWS_IMAGE.test(current.from.image);
    current = model.stages[current.from.baseStageIndex];
  }
  return true;
}

/**
 * Every POSIX shell command of the given instructions, with its instruction. With `onbuild`,
 * `ONBUILD RUN` triggers count as RUN (hadolint checks them too); they run in child builds, so
 * rules about the shipped image leave them out.
 */
export function commandsIn(
  model: DockerfileModel,
  instructions: readonly DockerInstruction[],
  keywords: readonly string[] = ['RUN'],
  options: { onbuild?: boolean } = {},
): { instruction: DockerInstruction; command: ShellCommand }[] {
  return instructions
    .filter(
      i =>
        keywords.includes(i.keyword) ||
        (options.onbuild &&
          i.keyword === 'ONBUILD' &&
          i.onbuildTrigger !== undefined &&
          keywords.includes(i.onbuildTrigger)),
    )
    .flatMap(instruction =>
      commandsOf(model, instruction).map(command => ({
        instruction,
        command,
      })),
    );
}
