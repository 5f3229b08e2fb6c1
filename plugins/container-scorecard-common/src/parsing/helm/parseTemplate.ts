import {
  TemplateError,
  type Command,
  type Operand,
  type ParsedTemplate,
  type Pipeline,
  type TemplateNode,
  type TemplateSource,
} from './templateAst';

type Token =
  | { kind: 'field'; name: string; offset: number; space: boolean }
  | { kind: 'variable'; name: string; offset: number; space: boolean }
  | { kind: 'dot'; offset: number; space: boolean }
  | { kind: 'ident'; name: string; offset: number; space: boolean }
  | { kind: 'string'; value: string; offset: number; space: boolean }
  | { kind: 'number'; value: number; offset: number; space: boolean }
  | {
      kind: '(' | ')' | '|' | ',' | ':=' | '=';
      offset: number;
      space: boolean;
    };

type Item =
  | { kind: 'text'; text: string; offset: number }
  | { kind: 'action'; tokens: Token[]; offset: number };

const SPACE = /[ \t\r\n]/;
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_]/;

/**
 * Parses a Go template as `text/template` does (the subset of syntax Helm charts use: every
 * action, comments, trim markers, variables, pipelines, parenthesised pipelines, `define`,
 * `template`, `block`, `if`/`else if`/`with`/`else with`/`range`/`break`/`continue`).
 * Linear in the size of the text; nesting deeper than `maxDepth` is refused.
 */
export function parseTemplate(
  source: TemplateSource,
  maxDepth: number,
): ParsedTemplate {
  const items = splitItems(source.text);
  const defines = new Map<string, TemplateNode[]>();
  let index = 0;

  function fail(message: string, offset: number): never {
    throw new TemplateError(`${source.name}: ${message}`, offset);
  }

  /** Parses nodes until one of `stops` (`end`, `else`) at this level. */
  function parseList(
    depth: number,
    stops: boolean,
  ): { nodes: TemplateNode[]; stop?: { word: string; rest: Token[] } } {
    if (depth > maxDepth) {
      throw new TemplateError(
        `${source.name}: blocks nested deeper than ${maxDepth} (limits.maxTemplateDepth)`,
        items[index]?.offset,
        'maxTemplateDepth',
      );
    }
    const nodes: TemplateNode[] = [];
    while (index < items.length) {
      const item = items[index++];
      if (item.kind === 'text') {
        if (item.text)
          nodes.push({ type: 'text', text: item.text, offset: item.offset });
        continue;
      }
      const [first, ...rest] = item.tokens;
      if (!first) fail('missing value for command', item.offset);
      const word = first.kind === 'ident' ? first.name : '';
      switch (word) {
        case 'end':
        case 'else':
          if (!stops) fail(`unexpected {{${word}}}`, item.offset);
          return { nodes, stop: { word, rest } };
        case 'if':
        case 'with':
          nodes.push(parseConditional(word, rest, item.offset, depth));
          break;
        case 'range': {
          const pipe = parsePipeline(rest, item.offset, true);
          const body = parseList(depth + 1, true);
          let elseBody: TemplateNode[] | undefined;
          if (body.stop?.word === 'else') {
            const elseList = parseList(depth + 1, true);
            expectEnd(elseList.stop, item.offset);
            elseBody = elseList.nodes;
          } else expectEnd(body.stop, item.offset);
          nodes.push({
            type: 'range',
            pipe,
            body: body.nodes,
            elseBody,
            offset: item.offset,
          });
          break;
        }
        case 'define':
        case 'block': {
          const nameToken = rest[0];
          if (nameToken?.kind !== 'string')
            fail(`${word} needs a quoted name`, item.offset);
          const body = parseList(depth + 1, true);
          expectEnd(body.stop, item.offset);
          defines.set(nameToken.value, body.nodes);
          if (word === 'block') {
            nodes.push({
              type: 'template',
              name: nameToken.value,
              pipe: parsePipeline(rest.slice(1), item.offset, false),
              offset: item.offset,
            });
          }
          break;
        }
        case 'template': {
          const nameToken = rest[0];
          if (nameToken?.kind !== 'string')
            fail('template needs a quoted name', item.offset);
          nodes.push({
            type: 'template',
            name: nameToken.value,
            pipe:
              rest.length > 1
                ? parsePipeline(rest.slice(1), item.offset, false)
                : undefined,
            offset: item.offset,
          });
          break;
        }
        case 'break':
        case 'continue':
          nodes.push({ type: word, offset: item.offset });
          break;
        default:
          nodes.push({
            type: 'action',
            pipe: parsePipeline(item.tokens, item.offset, true),
            offset: item.offset,
          });
      }
    }
    if (stops)
      fail('unexpected EOF: an {{end}} is missing', source.text.length);
    return { nodes };
  }

  function expectEnd(
    stop: { word: string; rest: Token[] } | undefined,
    offset: number,
  ) {
    if (stop?.word !== 'end') fail('expected {{end}}', offset);
  }

  function parseConditional(
    word: 'if' | 'with',
    tokens: Token[],
    offset: number,
    depth: number,
  ): TemplateNode {
    const branches: { pipe: Pipeline; body: TemplateNode[] }[] = [];
    let pipe = parsePipeline(tokens, offset, true);
    for (;;) {
      const body = parseList(depth + 1, true);
      branches.push({ pipe, body: body.nodes });
      if (body.stop?.word === 'end') return { type: word, branches, offset };
      // {{else}}, {{else if ...}}, {{else with ...}}
      const rest = body.stop?.rest ?? [];
      const next = rest[0];
      if (next?.kind === 'ident' && next.name === word) {
        pipe = parsePipeline(rest.slice(1), offset, true);
        continue;
      }
      if (rest.length > 0) fail(`unexpected tokens after {{else}}`, offset);
      const elseBody = parseList(depth + 1, true);
      expectEnd(elseBody.stop, offset);
      return { type: word, branches, elseBody: elseBody.nodes, offset };
    }
  }

  function parsePipeline(
    tokens: Token[],
    offset: number,
    allowDeclarations: boolean,
  ): Pipeline {
    let position = 0;
    const variables: string[] = [];
    let assign = false;
    // `$x :=`, `$x =`, `$i, $v :=`
    if (allowDeclarations && tokens[0]?.kind === 'variable') {
      const t1 = tokens[1];
      const t2 = tokens[2];
      const t3 = tokens[3];
      if (t1 && (t1.kind === ':=' || t1.kind === '=')) {
        variables.push(tokens[0].name);
        assign = t1.kind === '=';
        position = 2;
      } else if (
        t1?.kind === ',' &&
        t2?.kind === 'variable' &&
        t3 &&
        (t3.kind === ':=' || t3.kind === '=')
      ) {
        variables.push(tokens[0].name, t2.name);
        assign = t3.kind === '=';
        position = 4;
      }
    }
    const pipe = parseCommands(tokens, position, offset, 0);
    if (pipe.end !== tokens.length)
      fail(`unexpected "${describe(tokens[pipe.end])}" in command`, offset);
    return { variables, assign, commands: pipe.commands, offset };
  }

  function parseCommands(
    tokens: Token[],
    start: number,
    offset: number,
    depth: number,
  ): { commands: Command[]; end: number } {
    if (depth > maxDepth) {
      throw new TemplateError(
        `${source.name}: parentheses nested deeper than ${maxDepth} (limits.maxTemplateDepth)`,
        offset,
        'maxTemplateDepth',
      );
    }
    const commands: Command[] = [];
    let position = start;
    let args: Operand[] = [];
    while (position < tokens.length) {
      const token = tokens[position];
      if (token.kind === ')') break;
      if (token.kind === '|') {
        if (args.length === 0) fail('missing command before |', offset);
        commands.push({ args, offset });
        args = [];
        position++;
        continue;
      }
      const operand = parseOperand(tokens, position, offset, depth);
      args.push(operand.operand);
      position = operand.end;
    }
    if (args.length === 0) fail('missing value for command', offset);
    commands.push({ args, offset });
    return { commands, end: position };
  }

  function parseOperand(
    tokens: Token[],
    position: number,
    offset: number,
    depth: number,
  ): { operand: Operand; end: number } {
    const token = tokens[position];
    let operand: Operand;
    let end = position + 1;
    switch (token.kind) {
      case 'dot':
        operand = { type: 'dot' };
        break;
      case 'field':
        operand = {
          type: 'chain',
          base: { type: 'dot' },
          fields: [token.name],
        };
        break;
      case 'variable':
        operand = {
          type: 'chain',
          base: { type: 'variable', name: token.name },
          fields: [],
        };
        break;
      case 'string':
        operand = { type: 'string', value: token.value };
        break;
      case 'number':
        operand = { type: 'number', value: token.value };
        break;
      case 'ident':
        if (token.name === 'true' || token.name === 'false')
          operand = { type: 'bool', value: token.name === 'true' };
        else if (token.name === 'nil') operand = { type: 'nil' };
        else operand = { type: 'function', name: token.name };
        break;
      case '(': {
        const inner = parseCommands(tokens, position + 1, offset, depth + 1);
        if (tokens[inner.end]?.kind !== ')')
          fail('unclosed left paren', offset);
        end = inner.end + 1;
        operand = {
          type: 'chain',
          base: {
            type: 'pipeline',
            pipe: {
              variables: [],
              assign: false,
              commands: inner.commands,
              offset,
            },
          },
          fields: [],
        };
        break;
      }
      default:
        fail(`unexpected "${describe(token)}" in operand`, offset);
    }
    // Fields written right after the operand (`$x.A`, `(f).A`, `.A.B`) chain on it.
    while (tokens[end]?.kind === 'field' && !tokens[end].space) {
      if (operand.type !== 'chain')
        fail(`unexpected field after ${describe(token)}`, offset);
      operand.fields.push((tokens[end] as { name: string }).name);
      end++;
    }
    return { operand, end };
  }

  const { nodes } = parseList(0, false);
  return { source, body: nodes, defines };
}

/** A Go number literal: hexadecimal, binary, octal (`0o17`, `017`) or decimal. */
function goNumber(literal: string): number {
  const sign = literal.startsWith('-') ? -1 : 1;
  const digits = literal.replace(/^[-+]/, '');
  if (/^0[xXbBoO]/.test(digits)) return sign * Number(digits);
  if (/^0\d+$/.test(digits)) return sign * parseInt(digits, 8);
  return Number(literal);
}

function describe(token: Token | undefined): string {
  if (!token) return 'end';
  if ('name' in token) return token.name;
  if ('value' in token) return String(token.value);
  return token.kind;
}

/** Cuts the text into text and action items, applying the trim markers. */
function splitItems(text: string): Item[] {
  const items: Item[] = [];
  let position = 0;
  let trimNext = false;
  for (;;) {
    const open = text.indexOf('{{', position);
    let chunkEnd = open < 0 ? text.length : open;
    let chunkStart = position;
    if (trimNext) {
      while (chunkStart < chunkEnd && SPACE.test(text[chunkStart]))
        chunkStart++;
    }
    const trimLeft =
      open >= 0 && text[open + 2] === '-' && SPACE.test(text[open + 3] ?? '');
    if (trimLeft) {
      while (chunkEnd > chunkStart && SPACE.test(text[chunkEnd - 1]))
        chunkEnd--;
    }
    items.push({
      kind: 'text',
      text: text.slice(chunkStart, chunkEnd),
      offset: chunkStart,
    });
    if (open < 0) break;
    let cursor = open + (trimLeft ? 3 : 2);
    // A comment: {{/* ... */}} with optional trim markers.
    let commentCursor = cursor;
    while (trimLeft && SPACE.test(text[commentCursor] ?? '')) commentCursor++;
    if (text.startsWith('/*', commentCursor)) {
      const close = text.indexOf('*/', commentCursor + 2);
      if (close < 0) throw new TemplateError('unclosed comment', open);
      let after = close + 2;
      let trimRight = false;
      if (
        SPACE.test(text[after] ?? '') &&
        text[after + 1] === '-' &&
        text.startsWith('}}', after + 2)
      ) {
        trimRight = true;
        after += 2;
      }
      if (!text.startsWith('}}', after))
        throw new TemplateError('comment ends before closing delimiter', open);
      position = after + 2;
      trimNext = trimRight;
      continue;
    }
    const lexed = lexAction(text, cursor, open);
    items.push({ kind: 'action', tokens: lexed.tokens, offset: open });
    position = lexed.end;
    trimNext = lexed.trimRight;
    cursor = lexed.end;
  }
  return items;
}

/** Lexes the inside of an action up to and including `}}`. Linear in its length. */
function lexAction(
  text: string,
  start: number,
  actionOffset: number,
): { tokens: Token[]; end: number; trimRight: boolean } {
  const tokens: Token[] = [];
  let i = start;
  let space = false;
  const unclosed = () => new TemplateError('unclosed action', actionOffset);
  for (;;) {
    if (i >= text.length) throw unclosed();
    const c = text[i];
    if (SPACE.test(c)) {
      if (text[i + 1] === '-' && text.startsWith('}}', i + 2))
        return { tokens, end: i + 4, trimRight: true };
      space = true;
      i++;
      continue;
    }
    if (text.startsWith('}}', i))
      return { tokens, end: i + 2, trimRight: false };
    const offset = i;
    if (c === '"') {
      let j = i + 1;
      let value = '';
      for (;;) {
        if (j >= text.length || text[j] === '\n')
          throw new TemplateError('unterminated quoted string', actionOffset);
        const ch = text[j];
        if (ch === '"') break;
        if (ch === '\\') {
          const e = text[j + 1];
          const simple: Record<string, string> = {
            n: '\n',
            t: '\t',
            r: '\r',
            '\\': '\\',
            '"': '"',
            "'": "'",
            a: '\x07',
            b: '\b',
            f: '\f',
            v: '\v',
            '0': '\0',
          };
          if (e in simple) {
            value += simple[e];
            j += 2;
          } else if (e === 'x' || e === 'u' || e === 'U') {
            const width = ({ x: 2, u: 4, U: 8 } as Record<string, number>)[e];
            const hex = text.slice(j + 2, j + 2 + width);
            if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width)
              throw new TemplateError('bad escape in string', actionOffset);
            value += String.fromCodePoint(parseInt(hex, 16));
            j += 2 + width;
          } else throw new TemplateError('bad escape in string', actionOffset);
          continue;
        }
        value += ch;
        j++;
      }
      tokens.push({ kind: 'string', value, offset, space });
      i = j + 1;
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      if (close < 0)
        throw new TemplateError('unterminated raw quoted string', actionOffset);
      tokens.push({
        kind: 'string',
        value: text.slice(i + 1, close),
        offset,
        space,
      });
      i = close + 1;
    } else if (c === "'") {
      const match = /^'(\\.|[^\\'])'/u.exec(text.slice(i, i + 12));
      if (!match)
        throw new TemplateError('bad character constant', actionOffset);
      const ch = match[1].startsWith('\\')
        ? (
            { n: '\n', t: '\t', '\\': '\\', "'": "'" } as Record<string, string>
          )[match[1][1]] ?? match[1][1]
        : match[1];
      tokens.push({
        kind: 'number',
        value: ch.codePointAt(0) ?? 0,
        offset,
        space,
      });
      i += match[0].length;
    } else if (
      /[0-9]/.test(c) ||
      ((c === '-' || c === '+' || c === '.') && /[0-9]/.test(text[i + 1] ?? ''))
    ) {
      const match =
        /^[-+]?(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(\d[\d_]*)?\.?\d*([eE][-+]?\d+)?)/.exec(
          text.slice(i, i + 64),
        );
      const literal = match?.[0] ?? '';
      const clean = literal.replace(/_/g, '');
      const value = goNumber(clean);
      if (!literal || Number.isNaN(value))
        throw new TemplateError(
          `bad number syntax: "${literal}"`,
          actionOffset,
        );
      tokens.push({ kind: 'number', value, offset, space });
      i += literal.length;
    } else if (c === '.') {
      let j = i + 1;
      while (j < text.length && IDENT_PART.test(text[j])) j++;
      if (j === i + 1) tokens.push({ kind: 'dot', offset, space });
      else
        tokens.push({
          kind: 'field',
          name: text.slice(i + 1, j),
          offset,
          space,
        });
      i = j;
    } else if (c === '$') {
      let j = i + 1;
      while (j < text.length && IDENT_PART.test(text[j])) j++;
      tokens.push({ kind: 'variable', name: text.slice(i, j), offset, space });
      i = j;
    } else if (IDENT_START.test(c)) {
      let j = i + 1;
      while (j < text.length && IDENT_PART.test(text[j])) j++;
      tokens.push({ kind: 'ident', name: text.slice(i, j), offset, space });
      i = j;
    } else if (c === ':' && text[i + 1] === '=') {
      tokens.push({ kind: ':=', offset, space });
      i += 2;
    } else if ('()|,='.includes(c)) {
      tokens.push({ kind: c as '(' | ')' | '|' | ',' | '=', offset, space });
      i++;
    } else {
      throw new TemplateError(`unexpected "${c}" in action`, actionOffset);
    }
    space = false;
  }
}
