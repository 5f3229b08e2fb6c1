import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../../config/ScorecardConfig';
import type { RenderLimits } from '../../engine/rendered/renderedSources';

/** The files of a fixture directory, keyed by their path under `prefix`. */
export function readFixtureTree(
  directory: string,
  prefix: string,
): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string, relative: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const path = relative ? `${relative}/${name}` : name;
      if (statSync(full).isDirectory()) walk(full, path);
      else files.set(path, readFileSync(full, 'utf8'));
    }
  };
  walk(directory, prefix);
  return files;
}

export const TEST_RENDER_LIMITS: RenderLimits = {
  maxRenderedBytes: DEFAULT_LIMITS.maxRenderedBytes,
  maxTemplateDepth: DEFAULT_LIMITS.maxTemplateDepth,
  maxTemplateSteps: DEFAULT_LIMITS.maxTemplateSteps,
};

/** Lines of two texts side by side, for a readable line-by-line comparison. */
export function linesOf(text: string): string[] {
  return text.split('\n');
}
