import { compileHelmGlob } from './helmGlob';
import { toGoYaml } from './toGoYaml';

/** The `.Files` object of a chart, as Helm gives it to templates. */
export type ChartFiles = Record<string, unknown>;

const define = (target: object, name: string, value: unknown) =>
  Object.defineProperty(target, name, { value, enumerable: false });

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * `.Files`: the chart's files by path relative to the chart (only those the reader fetched have
 * content; the others read as empty), with Helm's methods `Get`, `GetBytes`, `Lines`, `Glob`,
 * `AsConfig` and `AsSecrets`. The methods are not enumerable, so `range .Files.Glob "x/*"`
 * visits files only.
 */
export function chartFiles(files: ReadonlyMap<string, string>): ChartFiles {
  const object: ChartFiles = {};
  for (const [path, content] of files) object[path] = content;
  const get = (name: unknown) => files.get(String(name)) ?? '';
  define(object, 'Get', get);
  define(object, 'GetBytes', get);
  define(object, 'Lines', (name: unknown) => get(name).split('\n'));
  define(object, 'Glob', (pattern: unknown) => {
    const matches = compileHelmGlob(String(pattern));
    return chartFiles(new Map([...files].filter(([path]) => matches(path))));
  });
  const byBaseName = (encode: (text: string) => string) => {
    const map: Record<string, string> = {};
    for (const [path, content] of files)
      map[path.slice(path.lastIndexOf('/') + 1)] = encode(content);
    return Object.keys(map).length ? toGoYaml(map) : '';
  };
  define(object, 'AsConfig', () => byBaseName(text => text));
  define(object, 'AsSecrets', () => byBaseName(base64));
  return object;
}
