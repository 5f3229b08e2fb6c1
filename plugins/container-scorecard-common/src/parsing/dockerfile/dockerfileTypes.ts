import type { SourceRange } from '../../model/types';
import type { ShellScript, ShellWord } from '../shell/shellTypes';

/**
 * A flag of an instruction, such as `--mount=type=cache,target=/root/.cache` or `--platform=...`.
 *
 * @public
 */
export interface DockerFlag {
  name: string;
  value?: string;
  range: SourceRange;
}

/**
 * One instruction of a Dockerfile, with everything a rule needs to know about it.
 *
 * @public
 */
export interface DockerInstruction {
  /** Upper-case keyword: `RUN`, `FROM`, ... */
  keyword: string;
  range: SourceRange;
  startOffset: number;
  endOffset: number;
  /** The instruction as written, line continuations and heredocs included. */
  text: string;
  /** The arguments as written (after the keyword and flags). */
  argumentsText: string;
  argumentsRange?: SourceRange;
  argumentsStartOffset?: number;
  flags: DockerFlag[];
  /**
   * For RUN, CMD, ENTRYPOINT and SHELL: `exec` when written as a JSON array, `shell` otherwise.
   */
  form?: 'exec' | 'shell';
  /** The JSON array items of the exec form, unescaped, with their ranges. */
  execArguments?: ShellWord[];
  /**
   * The shell commands this instruction runs: RUN and shell-form CMD/ENTRYPOINT, RUN heredocs,
   * and the `-c` script of an exec-form `["sh", "-c", "..."]`.
   */
  shell: ShellScript;
  /** Index of the stage the instruction belongs to; -1 before the first FROM. */
  stageIndex: number;
  /**
   * For ONBUILD: the keyword of the trigger (`RUN` in `ONBUILD RUN ...`). A RUN, CMD or
   * ENTRYPOINT trigger also fills `form`, `execArguments` and `shell` from the trigger, so rules
   * that check RUN commands can check ONBUILD RUN the same way (as hadolint does).
   */
  onbuildTrigger?: string;
}

/**
 * A FROM instruction, its image reference resolved with the global build arguments.
 *
 * @public
 */
export interface DockerFrom {
  instruction: DockerInstruction;
  /** The image as written: `node:${NODE_VERSION}`. */
  rawImage: string;
  /** The image with known ARG defaults substituted: `node:20`. */
  image: string;
  imageRange: SourceRange;
  imageStartOffset: number;
  imageEndOffset: number;
  registry?: string;
  repository: string;
  tag?: string;
  digest?: string;
  /** The `AS name` of the stage. */
  stageName?: string;
  /** `FROM scratch`: an empty base. */
  isScratch: boolean;
  /** Set when the image is an earlier stage of this Dockerfile (`FROM build`). */
  baseStageIndex?: number;
  /** Build arguments used by the image that have no known value. */
  unresolvedVariables: string[];
}

/**
 * A build stage: a FROM and the instructions up to the next FROM.
 *
 * @public
 */
export interface DockerStage {
  index: number;
  name?: string;
  from: DockerFrom;
  /** The stage's instructions after its FROM. */
  instructions: DockerInstruction[];
  /** The last stage: what `docker build` produces unless `--target` says otherwise. */
  isFinal: boolean;
}

/**
 * A parsed Dockerfile.
 *
 * @public
 */
export interface DockerfileModel {
  /** `\` unless a `# escape=` directive says otherwise. */
  escapeChar: string;
  instructions: DockerInstruction[];
  stages: DockerStage[];
  /** Build arguments declared before the first FROM, with their defaults. */
  globalArgs: Record<string, string | undefined>;
  /** The final stage, or undefined for a fragment without FROM. */
  finalStage?: DockerStage;
  /**
   * Expands ARG/ENV variables in `text` as they stand at `line` (1-based).
   * Unknown variables are listed in `unresolved`.
   */
  resolve(text: string, line: number): { value: string; unresolved: string[] };
}
