/** The syntax tree of a Go `text/template`, as Helm parses templates. Offsets are in the source. */

export interface TemplateSource {
  /** Repository-relative path of the file the text came from. */
  path: string;
  /** Helm's name of the template (`mychart/templates/deployment.yaml`). */
  name: string;
  text: string;
}

export type TemplateNode =
  | { type: 'text'; text: string; offset: number }
  | { type: 'action'; pipe: Pipeline; offset: number }
  | {
      type: 'if' | 'with';
      branches: { pipe: Pipeline; body: TemplateNode[] }[];
      elseBody?: TemplateNode[];
      offset: number;
    }
  | {
      type: 'range';
      pipe: Pipeline;
      body: TemplateNode[];
      elseBody?: TemplateNode[];
      offset: number;
    }
  | { type: 'template'; name: string; pipe?: Pipeline; offset: number }
  | { type: 'break' | 'continue'; offset: number };

export interface Pipeline {
  /** Variables declared (`$x :=`) or assigned (`$x =`). */
  variables: string[];
  assign: boolean;
  commands: Command[];
  offset: number;
}

export interface Command {
  args: Operand[];
  offset: number;
}

export type Operand =
  | { type: 'dot' }
  | { type: 'nil' }
  | { type: 'bool'; value: boolean }
  | { type: 'number'; value: number }
  | { type: 'string'; value: string }
  | { type: 'function'; name: string }
  /** `.A.B`, `$x.A`, `$`, `(pipeline).A`. */
  | {
      type: 'chain';
      base:
        | { type: 'dot' }
        | { type: 'variable'; name: string }
        | { type: 'pipeline'; pipe: Pipeline };
      fields: string[];
    };

/** A parsed template file: its body and the templates it defines. */
export interface ParsedTemplate {
  source: TemplateSource;
  body: TemplateNode[];
  defines: Map<string, TemplateNode[]>;
}

/** A template error a user can act on; `offset` locates it in its source. */
export class TemplateError extends Error {
  constructor(
    message: string,
    readonly offset?: number,
    /** Set when the error is a limit, not a mistake in the chart. */
    readonly limit?: string,
  ) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Thrown for a function or feature the renderer does not implement. */
export class UnsupportedTemplateFeature extends TemplateError {
  constructor(readonly feature: string, offset?: number) {
    super(`Helm function ${feature} is not supported`, offset);
    this.name = 'UnsupportedTemplateFeature';
  }
}
