import { applyTextEdits } from '../fixes/applyTextEdits';
import type { FileResult, Finding } from '../model/types';
import { createTestEngine } from './createTestEngine';

/** Analyses `content` as the file `path` and returns the whole result. */
export async function analyze(
  content: string,
  path = 'Dockerfile',
): Promise<FileResult> {
  const engine = await createTestEngine();
  return engine.analyzeFile({ path, content });
}

/**
 * The findings of one rule for a file content, the way a rule test wants them.
 * Fails loudly when the file could not be analysed, so a broken fixture is not a silent pass.
 */
export async function findingsFor(
  ruleId: string,
  content: string,
  path = 'Dockerfile',
): Promise<Finding[]> {
  const result = await analyze(content, path);
  if (result.status !== 'analysed') {
    throw new Error(
      `${path} was not analysed (${result.status}): ${
        result.error?.message ?? ''
      }`,
    );
  }
  if (result.ruleErrors?.length) {
    throw new Error(
      `Rules failed on ${path}: ${JSON.stringify(result.ruleErrors)}`,
    );
  }
  return result.findings.filter(f => f.ruleId === ruleId);
}

/** The content after applying the fixes of every finding of `ruleId`. */
export async function fixedBy(
  ruleId: string,
  content: string,
  path = 'Dockerfile',
): Promise<string> {
  const findings = await findingsFor(ruleId, content, path);
  return applyTextEdits(
    content,
    findings.flatMap(f => f.fix ?? []),
  );
}

/** Joins lines with "\n": fixtures read like the file they stand for. */
export function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}
