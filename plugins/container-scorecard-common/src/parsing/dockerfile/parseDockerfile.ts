import {
  DockerfileParser,
  type From,
  type Instruction,
  type JSONInstruction,
  type ModifiableInstruction,
  type Onbuild,
  type Run,
} from 'dockerfile-ast';
import type { LineIndex } from '../../text/LineIndex';
import { DockerfileSyntaxError } from './DockerfileSyntaxError';
import { parseImageReference } from '../imageReference';
import type { ShellParser } from '../shell/createShellParser';
import { EMPTY_SHELL_SCRIPT, type ShellScript } from '../shell/shellTypes';
import type {
  DockerFlag,
  DockerFrom,
  DockerInstruction,
  DockerStage,
  DockerfileModel,
} from './dockerfileTypes';
import { jsonStringWord } from './jsonStringWord';
import {
  shellSourcesOfInstruction,
  type HeredocSpan,
} from './shellSourcesOfInstruction';
import { createVariableResolver } from './resolveVariableIndex';
import { substituteVariables } from './substituteVariables';

/** Instructions whose arguments are a command run by the shell (in shell form). */
const SHELL_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT']);
/** Instructions that may be written as a JSON array. */
const JSON_INSTRUCTIONS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL']);

/**
 * Parses a Dockerfile (or a fragment without FROM) into the model rules work on.
 * Throws only on a bug; malformed Dockerfiles still give a model, as `docker build` would try.
 */
export function parseDockerfile(
  content: string,
  lineIndex: LineIndex,
  shellParser: ShellParser,
): DockerfileModel {
  const dockerfile = DockerfileParser.parse(content);
  memoizeRawArguments(dockerfile.getInstructions());
  rejectUnterminatedHeredocs(dockerfile.getInstructions());
  const escapeChar = dockerfile.getEscapeCharacter();
  const offsetOf = (p: { line: number; character: number }) =>
    lineIndex.offsetAt(lineIndex.fromZeroBased(p));

  const instructions: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  // `FROM <name>` builds on the first earlier stage of that name: a map, not a search of every
  // earlier stage per FROM (quadratic in the number of stages).
  const firstStageNamed = new Map<string, number>();
  const globalArgs: Record<string, string | undefined> = {};

  for (const node of dockerfile.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    const instruction = toInstruction(node, keyword, stages.length - 1);
    instructions.push(instruction);
    if (keyword === 'FROM') {
      const from = toFrom(node as From, instruction, globalArgs, escapeChar);
      instruction.stageIndex = stages.length;
      const nameKey = from.stageName?.toLowerCase();
      if (nameKey !== undefined && !firstStageNamed.has(nameKey))
        firstStageNamed.set(nameKey, stages.length);
      stages.push({
        index: stages.length,
        name: from.stageName,
        from,
        instructions: [],
        isFinal: false,
      });
    } else if (stages.length > 0) {
      stages[stages.length - 1].instructions.push(instruction);
    } else if (keyword === 'ARG') {
      for (const [name, value] of readArgDeclarations(node))
        globalArgs[name] = expandArgDefault(value, globalArgs, escapeChar);
    }
  }
  if (stages.length > 0) stages[stages.length - 1].isFinal = true;
  // Built on the first lookup: most Dockerfiles never resolve a variable. From a parse of its
  // own, so the model does not keep the library's tree alive: it holds objects for every line
  // (comments too), which a repository's worth of long Dockerfiles cannot afford to keep.
  let variableResolver: ReturnType<typeof createVariableResolver> | undefined;

  return {
    escapeChar,
    instructions,
    stages,
    globalArgs,
    finalStage: stages[stages.length - 1],
    resolve(text, line) {
      variableResolver ??= createVariableResolver(
        DockerfileParser.parse(content),
      );
      const resolveVariable = variableResolver;
      return substituteVariables(
        text,
        name => resolveVariable(name, line - 1) ?? undefined,
        escapeChar,
      );
    },
  };

  function toInstruction(
    node: Instruction,
    keyword: string,
    stageIndex: number,
  ): DockerInstruction {
    const range = node.getRange();
    const startOffset = offsetOf(range.start);
    const endOffset = offsetOf(range.end);
    const argumentsRange = node.getArgumentsRange() ?? undefined;
    const argumentsStartOffset = argumentsRange
      ? offsetOf(argumentsRange.start)
      : undefined;
    const flags =
      'getFlags' in node ? readFlags(node as ModifiableInstruction) : [];
    const instruction: DockerInstruction = {
      keyword,
      range: lineIndex.fromZeroBasedRange(range),
      startOffset,
      endOffset,
      text: content.slice(startOffset, endOffset),
      argumentsText:
        argumentsStartOffset === undefined
          ? ''
          : content.slice(argumentsStartOffset, endOffset),
      argumentsRange: argumentsRange
        ? lineIndex.fromZeroBasedRange(argumentsRange)
        : undefined,
      argumentsStartOffset,
      flags,
      shell: EMPTY_SHELL_SCRIPT,
      stageIndex,
    };
    if (JSON_INSTRUCTIONS.has(keyword)) {
      const isExec = instruction.argumentsText.trimStart().startsWith('[');
      const strings = isExec ? (node as JSONInstruction).getJSONStrings() : [];
      // `CMD []` is a valid JSON array (it resets the inherited command), not shell text.
      const emptyArray = /^\[\s*\]\s*$/.test(instruction.argumentsText.trim());
      instruction.form =
        isExec && (strings.length > 0 || emptyArray) ? 'exec' : 'shell';
      if (instruction.form === 'exec') {
        const decoded = strings.map(s =>
          jsonStringWord(
            content,
            offsetOf(s.getRange().start),
            offsetOf(s.getRange().end),
            lineIndex,
          ),
        );
        instruction.execArguments = decoded.map(d => d.word);
        if (SHELL_INSTRUCTIONS.has(keyword)) {
          instruction.shell = shellParser.parseArgv(
            decoded.map(d => d.word),
            decoded.map(d => d.mapped),
            lineIndex,
          );
        }
      } else if (
        SHELL_INSTRUCTIONS.has(keyword) &&
        argumentsStartOffset !== undefined
      ) {
        instruction.shell = parseShellForm(
          node,
          argumentsStartOffset,
          endOffset,
        );
      }
    }
    if (keyword === 'ONBUILD') readOnbuildTrigger(node as Onbuild, instruction);
    return instruction;
  }

  /** `ONBUILD RUN ...`: the trigger's shell, parsed where it stands in the file. */
  function readOnbuildTrigger(node: Onbuild, instruction: DockerInstruction) {
    const trigger = node.getTriggerInstruction();
    if (!trigger) return;
    const triggerKeyword = trigger.getKeyword().toUpperCase();
    instruction.onbuildTrigger = triggerKeyword;
    if (!SHELL_INSTRUCTIONS.has(triggerKeyword)) return;
    const inner = toInstruction(
      trigger,
      triggerKeyword,
      instruction.stageIndex,
    );
    instruction.form = inner.form;
    instruction.execArguments = inner.execArguments;
    instruction.shell = inner.shell;
  }

  function parseShellForm(
    node: Instruction,
    start: number,
    end: number,
  ): ShellScript {
    const heredocs: HeredocSpan[] =
      node.getKeyword().toUpperCase() === 'RUN'
        ? (node as Run).getHeredocs().map(h => {
            const body = h.getContentRange();
            const delimiter = h.getDelimiterRange();
            // An empty heredoc has no content range: it starts at its delimiter.
            const bodyStartPosition = body?.start ?? delimiter?.start;
            const bodyStart = bodyStartPosition
              ? offsetOf(bodyStartPosition)
              : end;
            return {
              bodyStart,
              bodyEnd: body ? offsetOf(body.end) : bodyStart,
              end: delimiter ? offsetOf(delimiter.end) : end,
            };
          })
        : [];
    const sources = shellSourcesOfInstruction(
      content,
      start,
      end,
      escapeChar,
      heredocs,
    );
    return mergeScripts(
      sources.map(source => shellParser.parse(source, lineIndex)),
    );
  }

  function readFlags(node: ModifiableInstruction): DockerFlag[] {
    return node.getFlags().map(flag => ({
      name: flag.getName(),
      value: flag.getValue() ?? undefined,
      range: lineIndex.fromZeroBasedRange(flag.getRange()),
    }));
  }

  function toFrom(
    node: From,
    instruction: DockerInstruction,
    args: Record<string, string | undefined>,
    escape: string,
  ): DockerFrom {
    const rawImage = node.getImage() ?? '';
    const imageRange = node.getImageRange();
    const imageStartOffset = imageRange
      ? offsetOf(imageRange.start)
      : instruction.startOffset;
    const imageEndOffset = imageRange
      ? offsetOf(imageRange.end)
      : instruction.endOffset;
    // Only ARGs declared before the first FROM are in scope of a FROM line.
    const { value: image, unresolved } = substituteVariables(
      rawImage,
      name => args[name],
      escape,
    );
    const parsed = parseImageReference(image);
    const baseStageIndex = firstStageNamed.get(image.toLowerCase()) ?? -1;
    return {
      instruction,
      rawImage,
      image,
      imageRange: lineIndex.rangeOf(imageStartOffset, imageEndOffset),
      imageStartOffset,
      imageEndOffset,
      ...parsed,
      stageName: node.getBuildStage() ?? undefined,
      isScratch: image.toLowerCase() === 'scratch',
      baseStageIndex: baseStageIndex >= 0 ? baseStageIndex : undefined,
      unresolvedVariables: unresolved,
    };
  }
}

/**
 * dockerfile-ast recomputes an instruction's arguments from its text on every call, and its own
 * getters (ranges, flags, JSON strings) call that again and again: a quarter of the engine's time
 * went there. The parsed text never changes, so each instruction computes them once. Callers get
 * a copy because the library's ModifiableInstruction shifts flags off the array it receives.
 */
function memoizeRawArguments(instructions: Instruction[]): void {
  for (const node of instructions) {
    // The method is private in the library's typings, hence the cast.
    const instruction = node as unknown as { getRawArguments(): unknown[] };
    const raw = instruction.getRawArguments();
    instruction.getRawArguments = () => raw.slice();
  }
}

/**
 * A heredoc with no closing delimiter swallows the rest of the file: the builder refuses it, and
 * any score computed from the remains would describe a file nobody can build.
 */
function rejectUnterminatedHeredocs(instructions: Instruction[]): void {
  for (const node of instructions) {
    const withHeredocs = node as unknown as Partial<Pick<Run, 'getHeredocs'>>;
    if (typeof withHeredocs.getHeredocs !== 'function') continue;
    for (const heredoc of withHeredocs.getHeredocs()) {
      if (heredoc.getDelimiterRange() === null) {
        throw new DockerfileSyntaxError(
          `the heredoc <<${heredoc.getName()} is never closed: add a line with just "${heredoc.getName()}" where its content ends`,
          node.getRange().start.line + 1,
        );
      }
    }
  }
}

function readArgDeclarations(
  node: Instruction,
): [string, string | undefined][] {
  return node.getArguments().map(argument => {
    const text = argument.getValue();
    const equals = text.indexOf('=');
    if (equals < 0) return [text, undefined];
    return [text.slice(0, equals), unquote(text.slice(equals + 1))];
  });
}

/**
 * An ARG default may name earlier ARGs (`ARG BUILDER_BASE=${BASE_IMAGE}`): the builder expands it
 * against the ARGs declared so far. Their values are already expanded when stored, so one pass
 * over the default suffices: no recursion, linear in its length. A default naming an ARG with no
 * known value (undeclared, or declared without a default and so settable with --build-arg) is
 * itself unknown: undefined, as for `ARG NAME`, rather than a guess that the name is empty.
 */
function expandArgDefault(
  value: string | undefined,
  args: Record<string, string | undefined>,
  escapeChar: string,
): string | undefined {
  if (value === undefined || !value.includes('$')) return value;
  const expanded = substituteVariables(value, name => args[name], escapeChar);
  return expanded.unresolved.length > 0 ? undefined : expanded.value;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

function mergeScripts(scripts: ShellScript[]): ShellScript {
  if (scripts.length === 1) return scripts[0];
  return {
    commands: scripts.flatMap(s => s.commands),
    pipelines: scripts.flatMap(s => s.pipelines),
    hasSyntaxErrors: scripts.some(s => s.hasSyntaxErrors),
  };
}
