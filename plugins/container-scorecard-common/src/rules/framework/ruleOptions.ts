/**
 * Declares one option of a rule: its type, default and meaning. Options are validated against
 * these declarations when configuration is loaded.
 *
 * @public
 */
export type RuleOptionSpec =
  | { type: 'string'; default: string; description: string }
  | { type: 'number'; default: number; description: string }
  | { type: 'boolean'; default: boolean; description: string }
  | { type: 'string[]'; default: readonly string[]; description: string };

/** The options a rule accepts, by name. @public */
export type RuleOptionsSchema = Record<string, RuleOptionSpec>;

/** The option values a rule receives, typed from its schema. @public */
export type RuleOptionValues<S extends RuleOptionsSchema> = {
  [K in keyof S]: S[K]['type'] extends 'string'
    ? string
    : S[K]['type'] extends 'number'
    ? number
    : S[K]['type'] extends 'boolean'
    ? boolean
    : readonly string[];
};

/** The defaults of a schema, as option values. */
export function defaultOptionValues(
  schema: RuleOptionsSchema | undefined,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema ?? {}))
    values[name] = spec.default;
  return values;
}

/** Returns an error message when `value` does not fit `spec`. */
export function checkOptionValue(
  spec: RuleOptionSpec,
  value: unknown,
): string | undefined {
  const ok =
    spec.type === 'string[]'
      ? Array.isArray(value) && value.every(item => typeof item === 'string')
      : typeof value === spec.type &&
        (spec.type !== 'number' || Number.isFinite(value));
  return ok
    ? undefined
    : `must be ${
        spec.type === 'string[]' ? 'a list of strings' : `a ${spec.type}`
      }`;
}
