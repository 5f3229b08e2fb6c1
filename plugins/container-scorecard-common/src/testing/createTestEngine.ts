// Test-only helpers: they read wasm files with Node's fs, so they are not exported from the
// package's index (the package must stay usable in the browser).
import { readFileSync } from 'fs';
import {
  createScorecardEngine,
  type ScorecardEngine,
  type ScorecardEngineOptions,
} from '../engine/createScorecardEngine';

/** The fixed "today" of tests, so waiver expiry is deterministic. */
export const TEST_NOW = new Date('2025-06-15T12:00:00Z');

let bashGrammar: Uint8Array | undefined;

/** The bytes of tree-sitter-bash's grammar, read from node_modules. */
export function readBashGrammarWasm(): Uint8Array {
  bashGrammar ??= new Uint8Array(
    readFileSync(require.resolve('tree-sitter-bash/tree-sitter-bash.wasm')),
  );
  return bashGrammar;
}

let defaultEngine: Promise<ScorecardEngine> | undefined;

/**
 * An engine for tests: the real grammar, a fixed clock, and any options you override.
 * Without options the engine is shared between calls (the grammar loads once).
 */
export function createTestEngine(
  options: Partial<ScorecardEngineOptions> = {},
): Promise<ScorecardEngine> {
  const create = () =>
    createScorecardEngine({
      bashGrammarWasm: readBashGrammarWasm(),
      now: () => TEST_NOW,
      ...options,
    });
  if (Object.keys(options).length > 0) return create();
  defaultEngine ??= create();
  return defaultEngine;
}
