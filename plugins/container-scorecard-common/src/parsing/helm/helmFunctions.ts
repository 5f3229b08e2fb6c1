import type { ExecutionContext, Val } from './executeTemplate';
import {
  FLOAT_FUNCTIONS,
  MORE_FUNCTIONS,
  PATH_FUNCTIONS,
} from './extraFunctions';
import { isEmpty, str, type Plain } from './functionHelpers';
import { isGoMap } from './goValues';
import { PLACEHOLDER_FUNCTIONS } from './placeholderFunctions';
import { PLAIN } from './sprigFunctions';
import { TemplateError, UnsupportedTemplateFeature } from './templateAst';

/** Functions needing more than their arguments' plain values. */
const SPECIAL: Record<string, (args: Val[], context: ExecutionContext) => Val> =
  {
    default: args => {
      if (args.length < 2) return args[0] ?? { v: null };
      const [fallback, given] = args.slice(-2);
      return isEmpty(given.v) ? fallback : given;
    },
    required: ([message, value], context) => {
      if (
        value === undefined ||
        value.v === null ||
        value.v === undefined ||
        value.v === ''
      )
        throw new TemplateError(
          `required value missing: ${str(message?.v)}`,
          context.offset,
        );
      return value;
    },
    include: ([name, data], context) => ({
      v: context.runtime.include(
        str(name?.v),
        data ?? { v: null },
        context.depth,
        context.offset,
      ),
    }),
    tpl: ([text, data], context) => ({
      v: context.runtime.tpl(
        str(text?.v),
        data ?? { v: null },
        context.depth,
        context.templateName,
      ),
    }),
  };

/** Functions deliberately not implemented: they would run code or reach outside the chart. */
const NOT_IMPLEMENTED = new Set(['call']);

/** Sprig's `mustX` variants, which fail where `X` returns a default: here the same function. */
function baseOfMust(name: string): string | undefined {
  if (!name.startsWith('must') || name.length < 5) return undefined;
  const base = name[4].toLowerCase() + name.slice(5);
  return base in PLAIN || base in PLACEHOLDER_FUNCTIONS ? base : undefined;
}
for (const table of [
  PATH_FUNCTIONS,
  FLOAT_FUNCTIONS,
  MORE_FUNCTIONS,
  PLACEHOLDER_FUNCTIONS,
])
  for (const [name, fn] of Object.entries(table))
    if (!(name in PLAIN)) PLAIN[name] = fn as Plain;

/** The functions the renderer knows. */
export const HELM_FUNCTIONS: ReadonlySet<string> = new Set([
  ...Object.keys(PLAIN),
  ...Object.keys(SPECIAL),
  ...Object.keys(PLAIN).map(
    name => `must${name[0].toUpperCase()}${name.slice(1)}`,
  ),
]);

/** Calls a function; the result keeps the `.Values` path of the value it was made from. */
export function callHelmFunction(
  name: string,
  args: Val[],
  context: ExecutionContext,
): Val {
  if (NOT_IMPLEMENTED.has(name) || !HELM_FUNCTIONS.has(name))
    throw new UnsupportedTemplateFeature(name, context.offset);
  const special = SPECIAL[name];
  if (special) return special(args, context);
  const must = !(name in PLAIN) ? baseOfMust(name) : undefined;
  if (must) return callHelmFunction(must, args, context);
  let result: unknown;
  try {
    result = PLAIN[name](
      args.map(a => a.v),
      context,
    );
  } catch (error) {
    if (error instanceof TemplateError && error.offset === undefined)
      throw new TemplateError(
        `${name}: ${error.message}`,
        context.offset,
        error.limit,
      );
    throw error;
  }
  if (typeof result === 'string')
    context.runtime.charge(result.length, context.offset);
  const source = [...args].reverse().find(a => a.o);
  if (!source?.o || typeof result === 'boolean') return { v: result };
  const structured =
    source.o.structured ||
    ((name === 'toYaml' || name === 'mustToYaml' || name === 'toYamlPretty') &&
      (isGoMap(source.v) || Array.isArray(source.v)));
  return { v: result, o: { keyPath: source.o.keyPath, structured } };
}
