import { fixedRegionOf, fixPreviewOf, formatFixPatch } from './fixPreview';
import { applyTextEdits } from './applyTextEdits';

const dockerfile = [
  'FROM node:20', // 1
  'WORKDIR /app', // 2
  'RUN apt-get update', // 3
  'RUN apt-get install -y vim telnet curl', // 4
  'EXPOSE 22', // 5
  'EXPOSE 8080', // 6
  'COPY . .', // 7
  'CMD node server.js', // 8
  '',
].join('\n');

const at = (line: number, column: number) => ({ line, column });

describe('fixPreviewOf', () => {
  it('shows a replacement inside a line as the whole line removed and added, with context', () => {
    const preview = fixPreviewOf(dockerfile, [
      {
        range: { start: at(8, 5), end: at(8, 19) },
        newText: '["node", "server.js"]',
      },
    ]);
    expect(preview.hunks).toEqual([
      {
        oldStart: 5,
        newStart: 5,
        lines: [
          { kind: 'context', text: 'EXPOSE 22' },
          { kind: 'context', text: 'EXPOSE 8080' },
          { kind: 'context', text: 'COPY . .' },
          { kind: 'removed', text: 'CMD node server.js' },
          { kind: 'added', text: 'CMD ["node", "server.js"]' },
        ],
      },
    ]);
    expect(formatFixPatch('Dockerfile', preview)).toBe(
      [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -5,4 +5,4 @@',
        ' EXPOSE 22',
        ' EXPOSE 8080',
        ' COPY . .',
        '-CMD node server.js',
        '+CMD ["node", "server.js"]',
        '',
      ].join('\n'),
    );
  });

  it('shows the deletion of a whole line (line break included) as one removed line', () => {
    const preview = fixPreviewOf(dockerfile, [
      { range: { start: at(5, 1), end: at(6, 1) }, newText: '' },
    ]);
    expect(preview.hunks[0].lines).toEqual([
      { kind: 'context', text: 'WORKDIR /app' },
      { kind: 'context', text: 'RUN apt-get update' },
      { kind: 'context', text: 'RUN apt-get install -y vim telnet curl' },
      { kind: 'removed', text: 'EXPOSE 22' },
      { kind: 'context', text: 'EXPOSE 8080' },
      { kind: 'context', text: 'COPY . .' },
      { kind: 'context', text: 'CMD node server.js' },
    ]);
    // The fixed region is never empty for a deletion: it is the context without the line.
    expect(fixedRegionOf(preview)).toBe(
      [
        'WORKDIR /app',
        'RUN apt-get update',
        'RUN apt-get install -y vim telnet curl',
        'EXPOSE 8080',
        'COPY . .',
        'CMD node server.js',
      ].join('\n'),
    );
    expect(formatFixPatch('Dockerfile', preview)).toContain('@@ -2,7 +2,6 @@');
  });

  it('shows a word deleted from a line as that line changed', () => {
    const preview = fixPreviewOf(dockerfile, [
      { range: { start: at(4, 24), end: at(4, 28) }, newText: '' },
    ]);
    expect(preview.hunks[0].lines.filter(l => l.kind !== 'context')).toEqual([
      { kind: 'removed', text: 'RUN apt-get install -y vim telnet curl' },
      { kind: 'added', text: 'RUN apt-get install -y telnet curl' },
    ]);
  });

  it('shows an insertion of a new line as one added line between context lines', () => {
    const preview = fixPreviewOf(dockerfile, [
      { range: { start: at(8, 1), end: at(8, 1) }, newText: 'USER node\n' },
    ]);
    expect(preview.hunks[0]).toEqual({
      oldStart: 5,
      newStart: 5,
      lines: [
        { kind: 'context', text: 'EXPOSE 22' },
        { kind: 'context', text: 'EXPOSE 8080' },
        { kind: 'context', text: 'COPY . .' },
        { kind: 'added', text: 'USER node' },
        { kind: 'context', text: 'CMD node server.js' },
      ],
    });
    expect(formatFixPatch('Dockerfile', preview)).toContain('@@ -5,4 +5,5 @@');
  });

  it('shows joined RUN lines as the two old lines removed and the joined line added', () => {
    const preview = fixPreviewOf(dockerfile, [
      { range: { start: at(3, 19), end: at(4, 4) }, newText: ' \\\n    &&' },
    ]);
    expect(preview.hunks[0].lines.filter(l => l.kind !== 'context')).toEqual([
      { kind: 'removed', text: 'RUN apt-get update' },
      { kind: 'removed', text: 'RUN apt-get install -y vim telnet curl' },
      { kind: 'added', text: 'RUN apt-get update \\' },
      { kind: 'added', text: '    && apt-get install -y vim telnet curl' },
    ]);
  });

  it('keeps unchanged lines between two nearby edits as context and numbers later hunks after earlier changes', () => {
    const long = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`).join(
      '\n',
    );
    const preview = fixPreviewOf(long, [
      { range: { start: at(2, 1), end: at(2, 1) }, newText: 'new A\n' },
      { range: { start: at(5, 1), end: at(5, 7) }, newText: 'LINE 5' },
      { range: { start: at(25, 1), end: at(26, 1) }, newText: '' },
    ]);
    expect(preview.hunks).toHaveLength(2);
    expect(preview.hunks[0].lines.map(l => l.kind)).toEqual([
      'context',
      'added',
      'context',
      'context',
      'context',
      'removed',
      'added',
      'context',
      'context',
      'context',
    ]);
    expect(preview.hunks[1].oldStart).toBe(22);
    expect(preview.hunks[1].newStart).toBe(23);
  });

  it('produces a patch whose + and context lines rebuild what applyTextEdits gives', () => {
    const edits = [
      { range: { start: at(5, 1), end: at(6, 1) }, newText: '' },
      {
        range: { start: at(8, 5), end: at(8, 19) },
        newText: '["node", "server.js"]',
      },
    ];
    const fixed = applyTextEdits(dockerfile, edits).split('\n');
    for (const hunk of fixPreviewOf(dockerfile, edits).hunks) {
      const after = hunk.lines
        .filter(l => l.kind !== 'removed')
        .map(l => l.text);
      expect(
        fixed.slice(hunk.newStart - 1, hunk.newStart - 1 + after.length),
      ).toEqual(after);
      const before = hunk.lines
        .filter(l => l.kind !== 'added')
        .map(l => l.text);
      expect(
        dockerfile
          .split('\n')
          .slice(hunk.oldStart - 1, hunk.oldStart - 1 + before.length),
      ).toEqual(before);
    }
  });

  it('has no hunks without edits', () => {
    expect(fixPreviewOf(dockerfile, [])).toEqual({ hunks: [] });
  });
});
