import { LineIndex } from '../../text/LineIndex';
import { parseYamlDocuments } from './parseYamlDocuments';

const parse = (content: string, maxDocuments: number) =>
  parseYamlDocuments(content, new LineIndex(content), {
    maxAliasCount: 100,
    maxDocuments,
  });

const documents = (count: number) =>
  Array.from({ length: count }, (_, i) => `---\nindex: ${i}\n`).join('');

describe('parseYamlDocuments', () => {
  it('reads every document up to the limit, positions included', () => {
    const result = parse(documents(3), 3);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.omittedDocuments).toBe(0);
    expect(result.documents.map(d => d.value)).toEqual([
      { index: 0 },
      { index: 1 },
      { index: 2 },
    ]);
    expect(result.documents[2].range.start.line).toBe(6);
    expect(result.documents[2].locate(['index'])?.range.start.line).toBe(6);
  });

  it('stops at the limit and counts the documents after it', () => {
    const result = parse(documents(1001), 1000);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.documents).toHaveLength(1000);
    expect(result.documents[999].value).toEqual({ index: 999 });
    expect(result.omittedDocuments).toBe(1);
  });

  it('counts documents without markers and empty ones', () => {
    const result = parse('a: 1\n---\n---\nb: 2\n---\nc: 3\n', 1);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.documents.map(d => d.value)).toEqual([{ a: 1 }]);
    expect(result.omittedDocuments).toBe(3);
  });

  it('counts only real document markers among the documents left out', () => {
    const content = [
      'a: 1',
      '---',
      'script: |',
      '  --- not a marker: indented',
      'rule: ----',
      '---   # a marker with a comment',
      'b: 2',
      '...',
      '--- {c: 3}',
      '',
    ].join('\n');
    const result = parse(content, 1);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.omittedDocuments).toBe(3);
    expect(parse(content, 10)).toMatchObject({
      ok: true,
      documents: { length: 4 },
    });
  });

  it('does not read the documents after the limit: their errors and aliases are not seen', () => {
    const content = `${documents(2)}---\nbroken: [\n---\nbomb: *nowhere\n`;
    const result = parse(content, 2);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.documents).toHaveLength(2);
    expect(result.omittedDocuments).toBe(2);
    // The same stream, read whole, fails on the third document.
    expect(parse(content, 10)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('YAML document 3') },
    });
  });

  it('still reports an error inside the documents it reads', () => {
    expect(parse('a: [\n---\nb: 1\n', 1)).toMatchObject({
      ok: false,
      error: { code: 'parse-error' },
    });
  });

  it('reads an empty stream as no documents', () => {
    expect(parse('', 10)).toEqual({
      ok: true,
      documents: [],
      omittedDocuments: 0,
    });
  });
});
