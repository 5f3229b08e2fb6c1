import { Parser, type Language, type Node } from 'web-tree-sitter';
import type { LineIndex } from '../../text/LineIndex';
import { contiguousText, fileSpan, type MappedText } from './MappedText';
import type {
  ShellCommand,
  ShellPipeline,
  ShellRedirect,
  ShellScript,
  ShellWord,
} from './shellTypes';
import { unquoteWord } from './unquoteWord';
import {
  isShellProgram,
  pipefailFromSet,
  programName,
  readShellInvocation,
  unwrapCommand,
} from './commandWrappers';

/** Parses shell scripts with tree-sitter-bash and maps what it finds back to file positions. */
export interface ShellParser {
  parse(
    source: MappedText,
    lineIndex: LineIndex,
    options?: { pipefail?: boolean },
  ): ShellScript;
  /**
   * Builds the script of an exec-form instruction (`["sh", "-c", "..."]`): the words are given,
   * with the mapped text of each so that a `-c` script can be parsed in place.
   */
  parseArgv(
    words: ShellWord[],
    mapped: MappedText[],
    lineIndex: LineIndex,
  ): ShellScript;
}

/** `sh -c "sh -c '...'"` nests; beyond this depth we stop looking (and avoid pathological input). */
const MAX_NESTING = 4;

/** Node types that are not arguments of the command they appear in. */
const NON_ARGUMENT_TYPES = new Set([
  'variable_assignment',
  'file_redirect',
  'herestring_redirect',
  'heredoc_redirect',
  'comment',
  'command_name',
]);

/** A node met while walking a tree, with the chain of nodes above it. */
interface VisitedNode {
  node: Node;
  parent?: VisitedNode;
}

interface WalkState {
  source: MappedText;
  lineIndex: LineIndex;
  depth: number;
  pipefail: boolean;
  out: ShellScript;
}

/** Creates a shell parser for a loaded tree-sitter-bash grammar. */
export function createShellParser(bash: Language): ShellParser {
  const parser = new Parser();
  parser.setLanguage(bash);

  function parseInto(state: WalkState): void {
    const tree = parser.parse(state.source.text);
    if (!tree) return;
    try {
      if (tree.rootNode.hasError) state.out.hasSyntaxErrors = true;
      walk(tree.rootNode, state);
    } finally {
      // Trees live in WebAssembly memory: free them or a long-running backend leaks.
      tree.delete();
    }
  }

  /**
   * Visits the tree depth first, in source order, without recursion and without `Node.parent`:
   * `a && b && ...` nests one level per command, so recursion overflowed the stack on long
   * chains, and tree-sitter finds a node's parent by descending from the root, which made each
   * lookup cost the depth of the tree. Each entry carries the entry of its parent instead.
   */
  function walk(root: Node, state: WalkState): void {
    const pending: VisitedNode[] = [{ node: root }];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const { node } = next;
      if (
        node.type === 'pipeline' &&
        node.children.some(c => c?.type === '|' || c?.type === '|&')
      ) {
        state.out.pipelines.push(toPipeline(node, state));
      }
      if (node.type === 'command') {
        const command = toCommand(next, state);
        if (command) {
          state.out.commands.push(command);
          followNestedScripts(next, command, state);
          if (command.program === 'set') {
            const change = pipefailFromSet(command.args.map(a => a.value));
            if (change !== undefined) state.pipefail = change;
          }
        }
      }
      const children = node.namedChildren;
      for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (child) pending.push({ node: child, parent: next });
      }
    }
  }

  function toWord(node: Node, state: WalkState): ShellWord {
    const { start, end } = fileSpan(
      state.source,
      node.startIndex,
      node.endIndex,
    );
    return {
      value: unquoteWord(state.source, node.startIndex, node.endIndex).text,
      raw: node.text,
      range: state.lineIndex.rangeOf(start, end),
      startOffset: start,
      endOffset: end,
    };
  }

  function toCommand(
    visited: VisitedNode,
    state: WalkState,
  ): ShellCommand | undefined {
    const { node } = visited;
    const assignments: string[] = [];
    const wordNodes: Node[] = [];
    for (const child of node.namedChildren) {
      if (!child) continue;
      if (child.type === 'variable_assignment') assignments.push(child.text);
      else if (child.type === 'command_name') wordNodes.push(child);
      else if (!NON_ARGUMENT_TYPES.has(child.type)) wordNodes.push(child);
    }
    const words = wordNodes.map(w => toWord(w, state));
    const { index, wrappers } = unwrapCommand(words.map(w => w.value));
    if (index >= words.length) return undefined;
    const { start, end } = fileSpan(
      state.source,
      node.startIndex,
      node.endIndex,
    );
    const nameWord = words[index];
    const redirects = redirectsOf(visited, state);
    return {
      name: nameWord.value,
      program: programName(nameWord.value),
      nameWord,
      args: words.slice(index + 1),
      wrappers,
      assignments,
      range: state.lineIndex.rangeOf(start, end),
      startOffset: start,
      endOffset: end,
      depth: state.depth,
      ...(redirects.length > 0 ? { redirects } : {}),
    };
  }

  /** The `file_redirect`s of the statement a command is the body of (`cmd >> f 2>&1`). */
  function redirectsOf(
    visited: VisitedNode,
    state: WalkState,
  ): ShellRedirect[] {
    let body: Node = visited.node;
    let parent = visited.parent?.node;
    // `a | b > f`: the grammar puts the redirect on the pipeline; the shell applies it to `b`.
    if (
      parent?.type === 'pipeline' &&
      parent.lastNamedChild?.startIndex === visited.node.startIndex
    ) {
      body = parent;
      parent = visited.parent?.parent?.node;
    }
    if (parent?.type !== 'redirected_statement') return [];
    if (parent.childForFieldName('body')?.startIndex !== body.startIndex)
      return [];
    const redirects: ShellRedirect[] = [];
    for (const redirect of parent.namedChildren) {
      if (redirect?.type !== 'file_redirect') continue;
      const target = redirect.childForFieldName('destination');
      const operator = redirect.children.find(
        c => c !== null && !c.isNamed,
      )?.type;
      if (!target || !operator) continue;
      const descriptor = redirect.childForFieldName('descriptor')?.text;
      redirects.push({
        operator,
        ...(descriptor ? { descriptor } : {}),
        target: toWord(target, state),
      });
    }
    return redirects;
  }

  function toPipeline(node: Node, state: WalkState): ShellPipeline {
    const { start, end } = fileSpan(
      state.source,
      node.startIndex,
      node.endIndex,
    );
    return {
      range: state.lineIndex.rangeOf(start, end),
      startOffset: start,
      endOffset: end,
      depth: state.depth,
      pipefail: state.pipefail,
      onlyPrintsBeforeLast: onlyPrintsBeforeLast(node),
    };
  }

  /** `sh -c '<script>'` and `bash <<EOF ... EOF` run a script we must look into. */
  function followNestedScripts(
    visited: VisitedNode,
    command: ShellCommand,
    state: WalkState,
  ): void {
    const { node } = visited;
    if (!isShellProgram(command.program) || state.depth >= MAX_NESTING) return;
    const invocation = readShellInvocation(command.args.map(a => a.value));
    const nested = (source: MappedText) =>
      parseInto({
        ...state,
        source,
        depth: state.depth + 1,
        pipefail: invocation.pipefail,
      });
    if (invocation.scriptIndex !== undefined) {
      const scriptWord = command.args[invocation.scriptIndex];
      const wordNode = findArgumentNode(node, scriptWord, state);
      if (wordNode)
        nested(
          unquoteWord(state.source, wordNode.startIndex, wordNode.endIndex),
        );
      return;
    }
    const body = heredocBodyOf(visited.parent?.node);
    if (body) {
      const { start } = fileSpan(state.source, body.startIndex, body.endIndex);
      nested(
        contiguousTextFrom(state.source, body.startIndex, body.endIndex, start),
      );
    }
  }

  function commandFromWords(
    words: ShellWord[],
    startOffset: number,
    endOffset: number,
    state: WalkState,
  ): ShellCommand | undefined {
    const { index, wrappers } = unwrapCommand(words.map(w => w.value));
    if (index >= words.length) return undefined;
    const nameWord = words[index];
    return {
      name: nameWord.value,
      program: programName(nameWord.value),
      nameWord,
      args: words.slice(index + 1),
      wrappers,
      assignments: [],
      range: state.lineIndex.rangeOf(startOffset, endOffset),
      startOffset,
      endOffset,
      depth: state.depth,
    };
  }

  return {
    parseArgv(words, mapped, lineIndex) {
      const out: ShellScript = {
        commands: [],
        pipelines: [],
        hasSyntaxErrors: false,
      };
      if (words.length === 0) return out;
      const state: WalkState = {
        source: mapped[0],
        lineIndex,
        depth: 0,
        pipefail: false,
        out,
      };
      const start = words[0].startOffset;
      const end = words[words.length - 1].endOffset;
      const command = commandFromWords(words, start, end, state);
      if (!command) return out;
      out.commands.push(command);
      if (isShellProgram(command.program)) {
        const invocation = readShellInvocation(command.args.map(a => a.value));
        if (invocation.scriptIndex !== undefined) {
          const scriptPosition = words.indexOf(
            command.args[invocation.scriptIndex],
          );
          parseInto({
            ...state,
            source: mapped[scriptPosition],
            depth: 1,
            pipefail: invocation.pipefail,
          });
        }
      }
      return out;
    },
    parse(source, lineIndex, options) {
      const out: ShellScript = {
        commands: [],
        pipelines: [],
        hasSyntaxErrors: false,
      };
      parseInto({
        source,
        lineIndex,
        depth: 0,
        pipefail: options?.pipefail ?? false,
        out,
      });
      return out;
    },
  };
}

function findArgumentNode(
  node: Node,
  word: ShellWord,
  state: WalkState,
): Node | undefined {
  for (const child of node.namedChildren) {
    if (
      child &&
      fileSpan(state.source, child.startIndex, child.endIndex).start ===
        word.startOffset
    ) {
      return child;
    }
  }
  return undefined;
}

/** The heredoc body redirected into a command, given the command's parent node. */
function heredocBodyOf(parent: Node | undefined): Node | undefined {
  if (parent?.type !== 'redirected_statement') return undefined;
  for (const redirect of parent.namedChildren) {
    if (redirect?.type !== 'heredoc_redirect') continue;
    const body = redirect.namedChildren.find(c => c?.type === 'heredoc_body');
    if (body) return body;
  }
  return undefined;
}

/** A slice of a mapped text, keeping its mapping (heredoc bodies are copied verbatim). */
function contiguousTextFrom(
  source: MappedText,
  from: number,
  to: number,
  fallbackOffset: number,
): MappedText {
  const text = source.text.slice(from, to);
  const offsets = source.offsets.slice(from, to + 1);
  return offsets.length === text.length + 1
    ? { text, offsets }
    : contiguousText(text, fallbackOffset);
}

/** Builtins that print their arguments: in a pipeline their status carries no failure to hide. */
const PRINT_BUILTINS = new Set(['echo', 'printf']);

/**
 * True when each element of the pipeline before the last is a plain `echo`/`printf` command
 * (no redirect, no wrapper) with no `$(...)`, backquotes or `<(...)` in it, whose failure the
 * pipeline could otherwise hide. Costs one walk of those elements.
 */
function onlyPrintsBeforeLast(pipeline: Node): boolean {
  const elements = pipeline.namedChildren.filter((c): c is Node => c !== null);
  return elements
    .slice(0, -1)
    .every(
      element =>
        element.type === 'command' &&
        PRINT_BUILTINS.has(element.childForFieldName('name')?.text ?? '') &&
        element.descendantsOfType([
          'command_substitution',
          'process_substitution',
        ]).length === 0,
    );
}
