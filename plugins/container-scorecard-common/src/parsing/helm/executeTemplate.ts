import type { RenderLimits } from '../../engine/rendered/renderedSources';
import { callHelmFunction, HELM_FUNCTIONS } from './helmFunctions';
import { isGoMap, isTruthy, printValue, sortedKeys } from './goValues';
import { parseTemplate } from './parseTemplate';
import {
  TemplateError,
  UnsupportedTemplateFeature,
  type Command,
  type Operand,
  type ParsedTemplate,
  type Pipeline,
  type TemplateNode,
  type TemplateSource,
} from './templateAst';

/** Where a value came from in `.Values`: its key path, and whether it was a map or list. */
export interface ValuePath {
  keyPath: (string | number)[];
  /** The text is YAML of a map or list (`toYaml`): each line has its own key. */
  structured?: boolean;
}

/** A value during execution, with its `.Values` path when it came from there. */
export interface Val {
  v: unknown;
  o?: ValuePath;
}

/** A piece of output and where it came from. */
export interface OutputSegment {
  text: string;
  /** The source file that wrote it. */
  path: string;
  /** Offset of the text (or of the action that printed it) in that file. */
  offset: number;
  /** Set when an action printed it. */
  fromAction?: boolean;
  value?: ValuePath;
}

interface Definition {
  nodes: TemplateNode[];
  source: TemplateSource;
}

/** Shared by every template of one chart render: definitions and budgets. */
export class TemplateRuntime {
  readonly definitions = new Map<string, Definition>();
  steps = 0;
  bytes = 0;
  /** The chart's `.Values`, to start value paths at. */
  valuesRoot: unknown = undefined;

  constructor(readonly limits: RenderLimits) {}

  /**
   * Adds a template's definitions; a chart's file is also a template of its own name
   * (`include (print $.Template.BasePath "/configmap.yaml") .`), as in Helm.
   */
  addTemplate(parsed: ParsedTemplate, asFile = false) {
    if (asFile)
      this.definitions.set(parsed.source.name, {
        nodes: parsed.body,
        source: parsed.source,
      });
    for (const [name, nodes] of parsed.defines)
      this.definitions.set(name, { nodes, source: parsed.source });
  }

  step(offset?: number) {
    if (++this.steps > this.limits.maxTemplateSteps)
      throw new TemplateError(
        `the chart's templates ran more than ${this.limits.maxTemplateSteps} steps (limits.maxTemplateSteps)`,
        offset,
        'maxTemplateSteps',
      );
  }

  /** Counts bytes produced; `size` may be announced before a large string is built. */
  charge(size: number, offset?: number) {
    this.bytes += size;
    if (this.bytes > this.limits.maxRenderedBytes)
      throw new TemplateError(
        `the chart renders to more than ${this.limits.maxRenderedBytes} bytes (limits.maxRenderedBytes)`,
        offset,
        'maxRenderedBytes',
      );
  }

  /** Runs a parsed template body (or a definition) writing into `out`. */
  execute(
    source: TemplateSource,
    nodes: TemplateNode[],
    dot: Val,
    out: OutputSegment[],
    depth: number,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-use-before-define -- defined below, used at run time
    const execution = new Execution(this, source, out, depth, dot);
    execution.run(nodes, dot);
  }

  /** `include`: a definition's output as a string. */
  include(name: string, dot: Val, depth: number, offset: number): string {
    const definition = this.definitions.get(name);
    if (!definition)
      throw new TemplateError(
        `no template "${name}" associated with template`,
        offset,
      );
    const out: OutputSegment[] = [];
    this.execute(definition.source, definition.nodes, dot, out, depth + 1);
    return out.map(s => s.text).join('');
  }

  /** `tpl`: a string rendered as a template with the given data. */
  tpl(text: string, dot: Val, depth: number, name: string): string {
    const source = { path: name, name, text };
    const parsed = parseTemplate(source, this.limits.maxTemplateDepth);
    this.addTemplate(parsed);
    const out: OutputSegment[] = [];
    this.execute(source, parsed.body, dot, out, depth + 1);
    return out.map(s => s.text).join('');
  }
}

class BreakSignal {}
class ContinueSignal {}

/** Calls of a function the helper functions need from the running template. */
export interface ExecutionContext {
  runtime: TemplateRuntime;
  depth: number;
  offset: number;
  templateName: string;
  dot: Val;
}

class Execution {
  private readonly variables: { name: string; value: Val }[] = [];

  constructor(
    private readonly runtime: TemplateRuntime,
    private readonly source: TemplateSource,
    private readonly out: OutputSegment[],
    private readonly depth: number,
    root: Val,
  ) {
    if (depth > runtime.limits.maxTemplateDepth)
      throw new TemplateError(
        `templates call each other deeper than ${runtime.limits.maxTemplateDepth} (limits.maxTemplateDepth): is an include recursive?`,
        undefined,
        'maxTemplateDepth',
      );
    this.variables.push({ name: '$', value: root });
  }

  run(nodes: TemplateNode[], dot: Val) {
    for (const node of nodes) this.node(node, dot);
  }

  private write(segment: OutputSegment) {
    if (!segment.text) return;
    this.runtime.charge(segment.text.length, segment.offset);
    this.out.push(segment);
  }

  private scoped(work: () => void) {
    const mark = this.variables.length;
    try {
      work();
    } finally {
      this.variables.length = mark;
    }
  }

  private node(node: TemplateNode, dot: Val) {
    this.runtime.step(node.offset);
    switch (node.type) {
      case 'text':
        this.write({
          text: node.text,
          path: this.source.path,
          offset: node.offset,
        });
        return;
      case 'action': {
        const value = this.pipeline(node.pipe, dot);
        if (node.pipe.variables.length > 0) return;
        this.write({
          text: printValue(value.v),
          path: this.source.path,
          offset: node.offset,
          fromAction: true,
          value: value.o,
        });
        return;
      }
      case 'if':
      case 'with':
        for (const branch of node.branches) {
          let taken = false;
          this.scoped(() => {
            const value = this.pipeline(branch.pipe, dot);
            if (!isTruthy(value.v)) return;
            taken = true;
            this.run(branch.body, node.type === 'with' ? value : dot);
          });
          if (taken) return;
        }
        if (node.elseBody) this.scoped(() => this.run(node.elseBody!, dot));
        return;
      case 'range':
        this.range(node, dot);
        return;
      case 'template': {
        const definition = this.runtime.definitions.get(node.name);
        if (!definition)
          throw new TemplateError(
            `no template "${node.name}" associated with template`,
            node.offset,
          );
        const data = node.pipe ? this.pipeline(node.pipe, dot) : { v: null };
        this.runtime.execute(
          definition.source,
          definition.nodes,
          data,
          this.out,
          this.depth + 1,
        );
        return;
      }
      case 'break':
        throw new BreakSignal();
      case 'continue':
        throw new ContinueSignal();
      default:
        throw new TemplateError('unknown node');
    }
  }

  private range(node: Extract<TemplateNode, { type: 'range' }>, dot: Val) {
    this.scoped(() => {
      const pipe = { ...node.pipe, variables: [] as string[] };
      const collection = this.pipeline(pipe, dot);
      const value = collection.v;
      const child = (key: string | number, item: unknown): Val => ({
        v: item,
        o: collection.o
          ? { keyPath: [...collection.o.keyPath, key] }
          : undefined,
      });
      const each = (visit: (key: Val, item: Val) => void) => {
        if (Array.isArray(value))
          value.forEach((item, i) => visit({ v: i }, child(i, item)));
        else if (isGoMap(value))
          for (const key of sortedKeys(value))
            visit({ v: key }, child(key, value[key]));
        else if (typeof value === 'number' && Number.isInteger(value)) {
          for (let i = 0; i < value; i++) visit({ v: i }, { v: i });
        } else if (value !== null && value !== undefined)
          throw new TemplateError(
            `range can't iterate over ${printValue(value)}`,
            node.offset,
          );
      };
      let empty = true;
      try {
        each((key, item) => {
          empty = false;
          this.runtime.step(node.offset);
          const mark = this.variables.length;
          const names = node.pipe.variables;
          if (names.length === 1)
            this.declare(names[0], item, node.pipe.assign);
          if (names.length === 2) {
            this.declare(names[0], key, node.pipe.assign);
            this.declare(names[1], item, node.pipe.assign);
          }
          try {
            this.run(node.body, item);
          } catch (signal) {
            if (!(signal instanceof ContinueSignal)) throw signal;
          } finally {
            this.variables.length = mark;
          }
        });
      } catch (signal) {
        if (!(signal instanceof BreakSignal)) throw signal;
      }
      if (empty && node.elseBody) this.run(node.elseBody, dot);
    });
  }

  private declare(name: string, value: Val, assign: boolean) {
    if (assign) {
      for (let i = this.variables.length - 1; i >= 0; i--) {
        if (this.variables[i].name === name) {
          this.variables[i].value = value;
          return;
        }
      }
      throw new TemplateError(`undefined variable: ${name}`);
    }
    this.variables.push({ name, value });
  }

  private variable(name: string, offset: number): Val {
    for (let i = this.variables.length - 1; i >= 0; i--)
      if (this.variables[i].name === name) return this.variables[i].value;
    throw new TemplateError(`undefined variable: ${name}`, offset);
  }

  pipeline(pipe: Pipeline, dot: Val): Val {
    let value: Val | undefined;
    for (const command of pipe.commands)
      value = this.command(command, dot, value);
    const result = value ?? { v: null };
    if (pipe.variables.length === 1)
      this.declare(pipe.variables[0], result, pipe.assign);
    return result;
  }

  private command(command: Command, dot: Val, piped: Val | undefined): Val {
    const [first, ...rest] = command.args;
    if (first.type === 'function') {
      return this.call(first.name, rest, dot, piped, command.offset);
    }
    if (first.type === 'chain' && (rest.length > 0 || piped)) {
      return this.chain(first, dot, command.offset, rest, piped);
    }
    if (rest.length > 0 || piped)
      throw new TemplateError(
        `can't give argument to non-function ${describeOperand(first)}`,
        command.offset,
      );
    return this.operand(first, dot, command.offset);
  }

  private operand(operand: Operand, dot: Val, offset: number): Val {
    switch (operand.type) {
      case 'dot':
        return dot;
      case 'nil':
        return { v: null };
      case 'bool':
      case 'number':
      case 'string':
        return { v: operand.value };
      case 'function':
        return this.call(operand.name, [], dot, undefined, offset);
      case 'chain':
        return this.chain(operand, dot, offset, [], undefined);
      default:
        throw new TemplateError('unknown operand', offset);
    }
  }

  private chain(
    operand: Extract<Operand, { type: 'chain' }>,
    dot: Val,
    offset: number,
    args: Operand[],
    piped: Val | undefined,
  ): Val {
    let current: Val;
    const base = operand.base;
    if (base.type === 'dot') current = dot;
    else if (base.type === 'variable')
      current = this.variable(base.name, offset);
    else current = this.pipeline(base.pipe, dot);
    const fields = operand.fields;
    for (let i = 0; i < fields.length; i++) {
      const field = fields[i];
      const last = i === fields.length - 1;
      const holder = current.v;
      if (holder === null || holder === undefined)
        throw new TemplateError(
          `nil pointer evaluating interface {}.${field}`,
          offset,
        );
      if (!isGoMap(holder))
        throw new TemplateError(
          `can't evaluate field ${field} in type ${
            Array.isArray(holder) ? '[]interface {}' : typeof holder
          }`,
          offset,
        );
      const next = Object.prototype.hasOwnProperty.call(holder, field)
        ? holder[field]
        : null;
      if (typeof next === 'function') {
        const callArgs = last
          ? args.map(a => this.operand(a, dot, offset))
          : [];
        if (last && piped) callArgs.push(piped);
        current = {
          v: this.method(
            next as (...values: unknown[]) => unknown,
            callArgs,
            offset,
          ),
        };
        if (last) return current;
        continue;
      }
      current = {
        v: next,
        o: this.childPath(current.o, field, next),
      };
    }
    if (args.length > 0 || piped)
      throw new TemplateError(
        `can't give argument to non-function ${describeOperand(operand)}`,
        offset,
      );
    return current;
  }

  /** The `.Values` path of a field: `.Values` itself starts one, its fields extend it. */
  private childPath(
    parent: ValuePath | undefined,
    field: string,
    value: unknown,
  ): ValuePath | undefined {
    if (parent) return { keyPath: [...parent.keyPath, field] };
    if (value !== null && value === this.runtime.valuesRoot)
      return { keyPath: [] };
    return undefined;
  }

  /** Calls a method of the context (`.Capabilities.APIVersions.Has`, `.Files.Get`). */
  private method(
    fn: (...values: unknown[]) => unknown,
    args: Val[],
    offset: number,
  ): unknown {
    try {
      return fn(...args.map(a => a.v));
    } catch (error) {
      if (
        error instanceof UnsupportedTemplateFeature &&
        error.offset === undefined
      )
        throw new UnsupportedTemplateFeature(error.feature, offset);
      throw error;
    }
  }

  private call(
    name: string,
    argOperands: Operand[],
    dot: Val,
    piped: Val | undefined,
    offset: number,
  ): Val {
    if (name === 'and' || name === 'or') {
      const operands: (() => Val)[] = argOperands.map(
        a => () => this.operand(a, dot, offset),
      );
      if (piped) operands.push(() => piped);
      if (operands.length === 0)
        throw new TemplateError(`wrong number of args for ${name}`, offset);
      let value: Val = { v: null };
      for (const next of operands) {
        value = next();
        if (name === 'and' ? !isTruthy(value.v) : isTruthy(value.v))
          return value;
      }
      return value;
    }
    if (!HELM_FUNCTIONS.has(name))
      throw new UnsupportedTemplateFeature(name, offset);
    const args = argOperands.map(a => this.operand(a, dot, offset));
    if (piped) args.push(piped);
    const context: ExecutionContext = {
      runtime: this.runtime,
      depth: this.depth,
      offset,
      templateName: this.source.name,
      dot,
    };
    return callHelmFunction(name, args, context);
  }
}

function describeOperand(operand: Operand): string {
  if (operand.type === 'chain')
    return `${
      operand.base.type === 'variable' ? operand.base.name : ''
    }.${operand.fields.join('.')}`;
  return operand.type;
}
