import { readFile } from 'node:fs/promises';
import {
  createScorecardEngine,
  type ScorecardEngine,
  type ScorecardEngineOptions,
} from '@container-scorecard/plugin-container-scorecard-common';

/** Options of {@link createNodeScorecardEngine}: the engine's, less the grammar bytes. @public */
export type NodeScorecardEngineOptions = Omit<
  ScorecardEngineOptions,
  'bashGrammarWasm' | 'treeSitterRuntimeWasm'
>;

let bashGrammar: Promise<Uint8Array> | undefined;

/**
 * The bytes of tree-sitter-bash's grammar, read once per process: the common package cannot read
 * files itself because browsers import it too.
 */
function readBashGrammar(): Promise<Uint8Array> {
  bashGrammar ??= readFile(
    require.resolve('tree-sitter-bash/tree-sitter-bash.wasm'),
  ).then(bytes => new Uint8Array(bytes));
  return bashGrammar;
}

/**
 * Creates the scorecard engine in Node, loading the shell grammar from node_modules.
 *
 * @public
 */
export async function createNodeScorecardEngine(
  options: NodeScorecardEngineOptions = {},
): Promise<ScorecardEngine> {
  return createScorecardEngine({
    ...options,
    bashGrammarWasm: await readBashGrammar(),
  });
}
