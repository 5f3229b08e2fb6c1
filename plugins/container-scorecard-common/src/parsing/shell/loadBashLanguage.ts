import { Language, Parser } from 'web-tree-sitter';

let runtimeReady: Promise<void> | undefined;

/**
 * Initialises the tree-sitter runtime once per process, then loads the bash grammar from bytes
 * the host provides: the common package never touches the file system, so Node reads the `.wasm`
 * file and a browser fetches it.
 */
export async function loadBashLanguage(options: {
  bashGrammarWasm: Uint8Array;
  treeSitterRuntimeWasm?: Uint8Array;
}): Promise<Language> {
  if (!runtimeReady) {
    runtimeReady = Parser.init(
      options.treeSitterRuntimeWasm
        ? { wasmBinary: options.treeSitterRuntimeWasm }
        : undefined,
    ).catch(error => {
      runtimeReady = undefined;
      throw error;
    });
  }
  await runtimeReady;
  return Language.load(options.bashGrammarWasm);
}
