/** Go template value semantics on plain JavaScript values (maps are records, slices arrays). */

export type GoMap = Record<string, unknown>;

export function isGoMap(value: unknown): value is GoMap {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  );
}

/** Go's `truth`: false, 0, nil, "" and empty collections are false. */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (isGoMap(value)) return Object.keys(value).length > 0;
  return true;
}

/** The keys of a map in the order Go's templates range over them: sorted. */
export function sortedKeys(map: GoMap): string[] {
  return Object.keys(map).sort(compareBytes);
}

/** Go's string order (by code unit, which sorts like bytes for the keys charts use). */
export function compareBytes(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** Go's `%v` of a float64 (values from YAML are float64 in Helm) or an int. */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '+Inf' : '-Inf';
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  const exponent = value === 0 ? 0 : Math.floor(Math.log10(Math.abs(value)));
  if (exponent < -4 || exponent >= 21) {
    const [mantissa, exp] = value.toExponential().split('e');
    const sign = exp.startsWith('-') ? '-' : '+';
    const digits = exp.replace(/^[-+]/, '').padStart(2, '0');
    return `${mantissa}e${sign}${digits}`;
  }
  return String(value);
}

/** Go's `fmt.Sprint` of one value (`%v`). */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return `[${value.map(formatValue).join(' ')}]`;
  if (isGoMap(value))
    return `map[${sortedKeys(value)
      .map(key => `${key}:${formatValue(value[key])}`)
      .join(' ')}]`;
  return String(value);
}

/** What a template action prints: Helm turns a missing value into nothing. */
export function printValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return formatValue(value);
}

/** Go's kind names, as Sprig's `kindOf` gives them. */
export function kindOf(value: unknown): string {
  if (value === null || value === undefined) return 'invalid';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number')
    return Number.isInteger(value) ? 'int' : 'float64';
  if (Array.isArray(value)) return 'slice';
  if (isGoMap(value)) return 'map';
  return 'func';
}

/** Go's `eq` on basic values. */
export function goEqual(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** A deep copy of plain data (maps, lists, scalars). */
export function deepCopy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (isGoMap(value)) {
    const copy: GoMap = {};
    for (const key of Object.keys(value)) copy[key] = deepCopy(value[key]);
    return copy as T;
  }
  return value;
}
