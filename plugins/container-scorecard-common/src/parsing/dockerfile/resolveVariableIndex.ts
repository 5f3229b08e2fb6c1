import type {
  Arg,
  Dockerfile,
  Env,
  ImageTemplate,
  Instruction,
} from 'dockerfile-ast';

/**
 * `Dockerfile.resolveVariable(name, line)` of dockerfile-ast, answered from an index built once:
 * the library scans every FROM, then every ENV and ARG of the stage (re-reading their properties)
 * on each call, so resolving the variables of every COPY, USER or EXPOSE cost time quadratic in
 * the Dockerfile's size. This follows the library's steps exactly (the tests compare the two on
 * random Dockerfiles), down to its quirks: a position is inside a stage per LSP rules at column 0,
 * an `ARG` without a value found in a stage falls back to the ARGs before the first FROM, and a
 * line in no stage is handed to the library (which overflows the stack there).
 * `line` is 0-based, as the library's.
 */
export function createVariableResolver(
  dockerfile: Dockerfile,
): (name: string, line: number) => string | null | undefined {
  // The library keeps these private; reading them is the only way to follow its own steps.
  const internals = dockerfile as unknown as {
    initialInstructions: ImageTemplate;
    buildStages: ImageTemplate[];
    document: { getText(): string; positionAt(offset: number): Position };
  };
  const initial = internals.initialInstructions;
  const stages = internals.buildStages;
  const documentEnd = internals.document.positionAt(
    internals.document.getText().length,
  );
  const fromRanges = dockerfile.getFROMs().map(from => from.getRange());
  // Typed nullable, but an ImageTemplate's range is never null (the library reads it unchecked).
  const stageRanges = stages.map(stage => stage.getRange() as Range);
  const initialIsPresent =
    initial.getComments().length > 0 || initial.getInstructions().length > 0;
  const initialRange = initial.getRange() as Range;

  const indexes = new Map<ImageTemplate, TemplateIndex>();
  const indexOf = (template: ImageTemplate) => {
    let index = indexes.get(template);
    if (!index) {
      index = indexTemplate(template);
      indexes.set(template, index);
    }
    return index;
  };
  // The library builds a template of the initial ARGs alone: no ENV takes part.
  let initialArgs: TemplateIndex | undefined;
  const resolveInitial = (name: string, line: number) => {
    initialArgs ??= { envs: new Map(), args: indexTemplate(initial).args };
    return resolveIn(initialArgs, name, line);
  };

  function containingTemplate(line: number): ImageTemplate | null {
    const position = { line, character: 0 };
    if (
      !isInsideRange(position, {
        start: { line: 0, character: 0 },
        end: documentEnd,
      })
    )
      return null;
    if (initialIsPresent && isInsideRange(position, initialRange))
      return initial;
    // Stages follow one another: only the last starting at or before the line, or the one
    // before it, can hold it; the library takes the first that does.
    const candidate = lastAtOrBefore(stageRanges, r => r.start.line, line);
    for (const k of [candidate - 1, candidate]) {
      if (k >= 0 && isInsideRange(position, stageRanges[k])) return stages[k];
    }
    return dockerfile;
  }

  return (name, line) => {
    const from = lastAtOrBefore(fromRanges, r => r.start.line, line);
    if (from >= 0 && line <= fromRanges[from].end.line)
      return resolveInitial(name, line);
    const template = containingTemplate(line);
    if (template === null) return undefined;
    // A line in no stage (between stages, or an indented one-line stage) makes the library
    // call itself until the stack overflows; rules then report the crash. Rare, and kept as is
    // so that nothing the engine reports changes: the library is asked directly.
    if (template === dockerfile) return dockerfile.resolveVariable(name, line);
    const value = resolveIn(indexOf(template), name, line);
    return value === null ? resolveInitial(name, line) : value;
  };
}

interface Position {
  line: number;
  character: number;
}

interface Range {
  start: Position;
  end: Position;
}

/** Per variable name, the declarations defining it in file order: start line and value. */
type Declarations = Map<string, { line: number; value: string | null }[]>;

interface TemplateIndex {
  envs: Declarations;
  args: Declarations;
}

function indexTemplate(template: ImageTemplate): TemplateIndex {
  const envs: Declarations = new Map();
  for (const env of template.getENVs() as Env[]) {
    // The first property of that name in an ENV is the one the library returns.
    const seen = new Set<string>();
    for (const property of env.getProperties()) {
      const name = property.getName();
      if (seen.has(name)) continue;
      seen.add(name);
      declare(envs, name, env, property.getValue());
    }
  }
  const args: Declarations = new Map();
  for (const arg of template.getARGs() as Arg[]) {
    const property = arg.getProperty();
    if (property) declare(args, property.getName(), arg, property.getValue());
  }
  return { envs, args };
}

function declare(
  declarations: Declarations,
  name: string,
  instruction: Instruction,
  value: string | null,
) {
  const list = declarations.get(name) ?? [];
  list.push({ line: instruction.getRange().start.line, value });
  declarations.set(name, list);
}

/**
 * ImageTemplate.resolveVariable: the latest ENV before the line defining the name, else the
 * latest ARG; `undefined` when neither does, `null` when the one found has no value.
 */
function resolveIn(
  index: TemplateIndex,
  name: string,
  line: number,
): string | null | undefined {
  for (const declarations of [index.envs, index.args]) {
    const list = declarations.get(name);
    if (!list) continue;
    const found = lastAtOrBefore(list, d => d.line, line - 1);
    if (found >= 0) return list[found].value;
  }
  return undefined;
}

/** The index of the last item whose key is at most `limit` (keys non-decreasing), or -1. */
function lastAtOrBefore<T>(
  items: readonly T[],
  key: (item: T) => number,
  limit: number,
): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(items[mid]) <= limit) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** The library's Util.isInsideRange (LSP ranges, ends included). */
function isInsideRange(position: Position, range: Range): boolean {
  if (range.start.line === range.end.line)
    return (
      range.start.line === position.line &&
      range.start.character <= position.character &&
      position.character <= range.end.character
    );
  if (range.start.line === position.line)
    return range.start.character <= position.character;
  if (range.end.line === position.line)
    return position.character <= range.end.character;
  return range.start.line < position.line && position.line < range.end.line;
}
