import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  ScorecardConfigError,
  validateScorecardConfig,
  type ScorecardConfig,
  type ScorecardRule,
} from '@container-scorecard/plugin-container-scorecard-common';
import { parseDocument } from 'yaml';
import { CliUsageError } from '../exitCodes';

/** The names the CLI looks for in the current directory, in order. */
export const CONFIG_FILE_NAMES = [
  '.container-scorecard.yaml',
  '.container-scorecard.yml',
];

/** A configuration file's contents, and where it came from (for messages). */
export interface LoadedConfig {
  config: ScorecardConfig;
  /** Absolute path of the file; absent when no file was found and defaults apply. */
  path?: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Loads `.container-scorecard.yaml`: the file given with `--config`, else the one in `cwd`, else
 * an empty configuration. The file holds the same object the backend reads from app-config
 * (`rules`, `trustedRegistries`, `limits`, `waivers`); a top-level `containerScorecard:` key is
 * accepted too, so an app-config excerpt can be pasted as is.
 *
 * Every problem is reported with the file's path, as a `CliUsageError`.
 */
export async function loadConfigFile(options: {
  cwd: string;
  explicitPath?: string;
  rules?: readonly ScorecardRule[];
}): Promise<LoadedConfig> {
  let path: string | undefined;
  if (options.explicitPath !== undefined) {
    path = resolve(options.cwd, options.explicitPath);
    if (!(await isFile(path))) {
      throw new CliUsageError(
        `${options.explicitPath}: configuration file not found`,
      );
    }
  } else {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = resolve(options.cwd, name);
      if (await isFile(candidate)) {
        path = candidate;
        break;
      }
    }
  }
  if (!path) return { config: {} };
  return {
    config: parseConfigText(await readFile(path, 'utf8'), path, options.rules),
    path,
  };
}

/** Parses and validates the text of a configuration file. Exported for tests. */
export function parseConfigText(
  text: string,
  path: string,
  rules?: readonly ScorecardRule[],
): ScorecardConfig {
  const document = parseDocument(text, {
    prettyErrors: true,
    uniqueKeys: true,
  });
  if (document.errors.length > 0) {
    const first = document.errors[0];
    const where = first.linePos?.[0]
      ? `:${first.linePos[0].line}:${first.linePos[0].col}`
      : '';
    throw new CliUsageError(
      `${path}${where}: not valid YAML: ${first.message.split('\n')[0]}`,
    );
  }
  let value: unknown = document.toJS({ maxAliasCount: 100 });
  if (
    value &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    'containerScorecard' in value
  ) {
    value = (value as { containerScorecard: unknown }).containerScorecard;
  }
  try {
    return validateScorecardConfig(value, rules).config;
  } catch (error) {
    if (error instanceof ScorecardConfigError) {
      throw new CliUsageError(
        `${path}: invalid configuration:\n${error.problems
          .map(problem => `  - ${problem}`)
          .join('\n')}`,
      );
    }
    throw error;
  }
}
