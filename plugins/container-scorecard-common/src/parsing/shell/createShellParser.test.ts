import { readBashGrammarWasm } from '../../testing';
import { LineIndex } from '../../text/LineIndex';
import { createShellParser, type ShellParser } from './createShellParser';
import { loadBashLanguage } from './loadBashLanguage';
import { contiguousText } from './MappedText';

let parser: ShellParser;

beforeAll(async () => {
  parser = createShellParser(
    await loadBashLanguage({ bashGrammarWasm: readBashGrammarWasm() }),
  );
});

function parse(script: string) {
  return parser.parse(contiguousText(script, 0), new LineIndex(script));
}

describe('shell parser', () => {
  it('records the file redirections of a command', () => {
    const script = 'node a.js >> /var/log/a.log 2>&1; b | tee c > /dev/null; d';
    const { commands } = parse(script);
    expect(
      commands.map(c =>
        (c.redirects ?? []).map(
          r => `${r.descriptor ?? ''}${r.operator}${r.target.value}`,
        ),
      ),
    ).toEqual([['>>/var/log/a.log', '2>&1'], [], ['>/dev/null'], []]);
    expect(commands[0].redirects?.[0].target.range.start.column).toBe(14);
  });

  it('finds commands in lists, pipelines, subshells, substitutions and nested shells', () => {
    const script = `set -eux; a && b || c; d | e; (f); echo $(g); bash -c "h; sh -c 'i'"; if j; then k; fi`;
    expect(parse(script).commands.map(c => `${c.program}@${c.depth}`)).toEqual([
      'set@0',
      'a@0',
      'b@0',
      'c@0',
      'd@0',
      'e@0',
      'f@0',
      'echo@0',
      'g@0',
      'bash@0',
      'h@1',
      'sh@1',
      'i@2',
      'j@0',
      'k@0',
    ]);
  });

  it('unwraps sudo, env and friends and keeps quoted words whole', () => {
    const [command] = parse(
      `sudo -u root env -i A=1 nice -n 5 /usr/bin/apt-get install "a b" c\\ d 'e'`,
    ).commands;
    expect(command.name).toBe('/usr/bin/apt-get');
    expect(command.program).toBe('apt-get');
    expect(command.wrappers).toEqual(['sudo', 'env', 'nice']);
    expect(command.args.map(a => a.value)).toEqual([
      'install',
      'a b',
      'c d',
      'e',
    ]);
  });

  it('tracks pipefail set before a pipeline, and per nested shell', () => {
    const { pipelines } = parse(
      `a | b; set -euo pipefail; c | d; sh -c 'e | f'; bash -o pipefail -c 'g | h'`,
    );
    expect(pipelines.map(p => [p.pipefail, p.depth])).toEqual([
      [false, 0],
      [true, 0],
      [false, 1],
      [true, 1],
    ]);
  });

  it('reports syntax errors but still returns what it parsed', () => {
    const script = parse('apt-get install x && (');
    expect(script.hasSyntaxErrors).toBe(true);
    expect(script.commands.map(c => c.program)).toContain('apt-get');
  });

  it('maps positions back to the file through the offset map', () => {
    const script = parser.parse(
      { text: 'ls -l', offsets: [10, 11, 12, 13, 14, 15] },
      new LineIndex(`${'x'.repeat(10)}ls -l`),
    );
    expect(script.commands[0].range).toEqual({
      start: { line: 1, column: 11 },
      end: { line: 1, column: 16 },
    });
  });
});

describe('shell parser on long scripts', () => {
  it('reads an && chain of 20,000 commands (one tree level each) without overflowing the stack', () => {
    const count = 20_000;
    const script = `${Array.from(
      { length: count - 1 },
      (_, i) => `echo ${i}`,
    ).join(' && ')}; tail log | sort > out.txt`;
    const { commands, hasSyntaxErrors } = parse(script);
    expect(hasSyntaxErrors).toBe(false);
    expect(commands).toHaveLength(count + 1);
    expect(commands[count - 2].args[0].value).toBe(String(count - 2));
    // The redirect belongs to the last command: found through the walk's own parent chain.
    const last = commands[count];
    expect(last.program).toBe('sort');
    expect(last.redirects?.map(r => `${r.operator}${r.target.value}`)).toEqual([
      '>out.txt',
    ]);
  });

  it('reads a heredoc fed to a nested shell deep in a long chain', () => {
    const script = `${'true; '.repeat(3000)}bash <<EOF\necho hi\nEOF\n`;
    const { commands } = parse(script);
    expect(commands.map(c => `${c.program}@${c.depth}`).slice(-2)).toEqual([
      'bash@0',
      'echo@1',
    ]);
  });
});
