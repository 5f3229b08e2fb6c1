import type { SourceRange } from '../../model/types';
import type { ComposeService } from '../../parsing/compose/composeTypes';
import type { LineIndex } from '../../text/LineIndex';

/** Helpers shared by the compose rules: reading service keys the way Compose reads them. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Compose accepts `true` and, from environment interpolation, the string "true". */
export function isTrue(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === 'string' && value.trim().toLowerCase() === 'true')
  );
}

/** A scalar as text (Compose accepts numbers where strings are expected). */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint')
    return String(value);
  return undefined;
}

/** The range of a key of a service (the whole `key: value` pair), or the service name. */
export function pairRangeOf(
  service: ComposeService,
  path: readonly (string | number)[],
): SourceRange {
  return service.locate(path)?.pairRange ?? service.nameRange;
}

/** The range of a value of a service, or the service name when it is not found (merged keys). */
export function valueRangeOf(
  service: ComposeService,
  path: readonly (string | number)[],
): SourceRange {
  return service.locate(path)?.range ?? service.nameRange;
}

/** One variable of a service's `environment:`, in map or list form. */
export interface ComposeEnvironmentEntry {
  name: string;
  /** The literal value; undefined for `- NAME` (taken from the shell) or `NAME:` (null). */
  value: unknown;
  /** The variable name as written in the file (never the value, so snippets stay clean). */
  nameRange: SourceRange;
}

/**
 * The variables of `environment:`. In list form (`- NAME=value`) the name range is computed
 * inside the scalar, skipping an opening quote.
 */
export function environmentEntries(
  service: ComposeService,
  lineIndex: LineIndex,
): ComposeEnvironmentEntry[] {
  const environment = service.value.environment;
  if (isRecord(environment)) {
    return Object.entries(environment).map(([name, value]) => {
      const location = service.locate(['environment', name]);
      return {
        name,
        value,
        nameRange: location?.keyRange ?? location?.range ?? service.nameRange,
      };
    });
  }
  if (!Array.isArray(environment)) return [];
  const entries: ComposeEnvironmentEntry[] = [];
  environment.forEach((item, index) => {
    const text = scalarText(item);
    if (text === undefined) return;
    const equals = text.indexOf('=');
    const name = (equals >= 0 ? text.slice(0, equals) : text).trim();
    if (!name) return;
    const value = equals >= 0 ? text.slice(equals + 1) : undefined;
    const location = service.locate(['environment', index]);
    let nameRange = location?.range ?? service.nameRange;
    if (location) {
      const start = lineIndex.offsetAt(location.range.start);
      const raw = lineIndex.text.slice(
        start,
        lineIndex.offsetAt(location.range.end),
      );
      const quote = raw.startsWith('"') || raw.startsWith("'") ? 1 : 0;
      const nameStart = start + quote + raw.slice(quote).indexOf(name);
      if (raw.slice(quote).indexOf(name) >= 0)
        nameRange = lineIndex.rangeOf(nameStart, nameStart + name.length);
    }
    entries.push({ name, value, nameRange });
  });
  return entries;
}

/** One entry of a service's `volumes:`, short (`src:dst:ro`) or long (`{type, source, target}`) syntax. */
export interface ComposeVolumeMount {
  index: number;
  /** Host path or named volume; undefined for an anonymous volume. */
  source?: string;
  target?: string;
  /** `bind`, `volume`, `tmpfs`...; for the short syntax, inferred from the source. */
  type?: string;
  readOnly: boolean;
  /** The whole entry. */
  range: SourceRange;
  /** The source as written (the `source:` pair in the long syntax). */
  sourceRange: SourceRange;
}

/** Splits `src:dst[:mode]`, keeping a Windows drive letter (`C:\data:/data`) in the source. */
export function splitShortVolume(spec: string): string[] {
  const parts = spec.split(':');
  if (
    parts.length >= 3 &&
    /^[A-Za-z]$/.test(parts[0]) &&
    /^[\\/]/.test(parts[1])
  ) {
    return [`${parts[0]}:${parts[1]}`, ...parts.slice(2)];
  }
  return parts;
}

function looksLikeHostPath(source: string): boolean {
  return /^(?:\/|\.{1,2}(?:\/|$)|~|[A-Za-z]:[\\/]|\$)/.test(source);
}

export function volumeMounts(service: ComposeService): ComposeVolumeMount[] {
  const volumes = service.value.volumes;
  if (!Array.isArray(volumes)) return [];
  const mounts: ComposeVolumeMount[] = [];
  volumes.forEach((item, index) => {
    const range = valueRangeOf(service, ['volumes', index]);
    const text = scalarText(item);
    if (text !== undefined) {
      const parts = splitShortVolume(text);
      const hasSource = parts.length >= 2;
      const source = hasSource ? parts[0] : undefined;
      mounts.push({
        index,
        source,
        target: hasSource ? parts[1] : parts[0],
        type:
          source !== undefined && looksLikeHostPath(source) ? 'bind' : 'volume',
        readOnly: hasSource && /(^|,)ro(,|$)/.test(parts[2] ?? ''),
        range,
        sourceRange: range,
      });
    } else if (isRecord(item)) {
      const source = scalarText(item.source);
      mounts.push({
        index,
        source,
        target: scalarText(item.target),
        type: scalarText(item.type),
        readOnly: isTrue(item.read_only),
        range,
        sourceRange:
          service.locate(['volumes', index, 'source'])?.pairRange ?? range,
      });
    }
  });
  return mounts;
}
