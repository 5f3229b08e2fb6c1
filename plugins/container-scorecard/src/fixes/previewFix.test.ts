import type { ApiFinding } from '@container-scorecard/plugin-container-scorecard-common';
import { fixText, previewFix } from './previewFix';

function finding(partial: Partial<ApiFinding>): ApiFinding {
  return {
    ruleId: 'rule',
    pillar: 'immutable',
    severity: 'high',
    message: 'message',
    path: 'Dockerfile',
    range: { start: { line: 3, column: 6 }, end: { line: 3, column: 13 } },
    snippet: 'node:20',
    ...partial,
  };
}

const at = (line: number, column: number) => ({ line, column });

describe('previewFix', () => {
  it('shows nothing for a finding without a fix', () => {
    expect(previewFix(finding({}))).toEqual([]);
  });

  it('applies an edit inside the snippet, counting columns from the snippet start', () => {
    const hunks = previewFix(
      finding({
        fix: {
          edits: [
            { range: { start: at(3, 11), end: at(3, 13) }, newText: '20-slim' },
          ],
        },
      }),
    );
    expect(hunks).toEqual([
      { line: 3, removed: ['node:20'], added: ['node:20-slim'] },
    ]);
    expect(fixText(hunks)).toBe('node:20-slim');
  });

  it('applies several edits on a multi-line snippet', () => {
    const hunks = previewFix(
      finding({
        range: { start: at(5, 1), end: at(6, 24) },
        snippet: 'RUN apt-get update && \\\n    apt-get install gcc',
        fix: {
          edits: [
            {
              range: { start: at(6, 20), end: at(6, 20) },
              newText: ' --no-install-recommends',
            },
            { range: { start: at(6, 13), end: at(6, 13) }, newText: '-y ' },
          ],
        },
      }),
    );
    expect(hunks[0].added).toEqual([
      'RUN apt-get update && \\',
      '    apt-get -y install --no-install-recommends gcc',
    ]);
  });

  it('shows an insertion elsewhere in the file as added lines at its line', () => {
    const hunks = previewFix(
      finding({
        range: { start: at(9, 1), end: at(9, 14) },
        snippet: 'CMD npm start',
        fix: {
          edits: [
            {
              range: { start: at(9, 1), end: at(9, 1) },
              newText: 'USER node\n',
            },
          ],
        },
      }),
    );
    // An empty range at the snippet start is inside the snippet, so it shows in context.
    expect(hunks).toEqual([
      {
        line: 9,
        removed: ['CMD npm start'],
        added: ['USER node', 'CMD npm start'],
      },
    ]);
  });

  it('says where a replacement outside the snippet goes without inventing the old text', () => {
    const hunks = previewFix(
      finding({
        fix: {
          edits: [
            {
              range: { start: at(1, 1), end: at(1, 1) },
              newText: '# syntax=docker/dockerfile:1\n',
            },
            {
              range: { start: at(12, 1), end: at(12, 9) },
              newText: 'USER app',
            },
          ],
        },
      }),
    );
    expect(hunks).toEqual([
      { line: 1, removed: [], added: ['# syntax=docker/dockerfile:1'] },
      {
        line: 12,
        removed: [],
        added: ['USER app'],
        removedTextUnknown: true,
        replacedRange: { start: at(12, 1), end: at(12, 9) },
      },
    ]);
  });

  it('ignores the truncation mark of a long snippet', () => {
    const hunks = previewFix(
      finding({
        range: { start: at(1, 1), end: at(40, 1) },
        snippet: 'FROM ubuntu\n…',
        fix: {
          edits: [
            {
              range: { start: at(1, 6), end: at(1, 12) },
              newText: 'ubuntu:24.04',
            },
          ],
        },
      }),
    );
    expect(hunks[0]).toEqual({
      line: 1,
      removed: ['FROM ubuntu'],
      added: ['FROM ubuntu:24.04'],
    });
  });
});
