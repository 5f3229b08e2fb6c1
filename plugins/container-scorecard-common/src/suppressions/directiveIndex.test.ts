import fc from 'fast-check';
import type { Finding } from '../model/types';
import type { RuleMetadata } from '../rules/framework/ruleTypes';
import { firstDirectivesOf } from './directiveIndex';
import type { ScopedDirective } from './findSuppressionDirectives';

const rulesById = new Map([
  ['r1', { equivalents: { hadolint: 'DL1' } }],
  ['r2', { equivalents: {} }],
  ['r3', { equivalents: { hadolint: 'DL3' } }],
]) as unknown as ReadonlyMap<string, RuleMetadata>;

const isActive = (d: ScopedDirective) => d.until === undefined;

/** Every directive against every finding: what the index must answer, in file order. */
function bruteForce(findings: Finding[], directives: ScopedDirective[]) {
  return findings.map(finding => {
    const matching = directives.filter(d => {
      const id =
        d.source === 'hadolint'
          ? rulesById.get(finding.ruleId)?.equivalents.hadolint
          : finding.ruleId;
      if (!id || !d.ids.includes(id)) return false;
      const line = finding.range.start.line;
      return !d.lines || (line >= d.lines.from && line <= d.lines.to);
    });
    return { first: matching[0], firstActive: matching.find(isActive) };
  });
}

const finding = fc.record({
  ruleId: fc.constantFrom('r1', 'r2', 'r3'),
  line: fc.integer({ min: 1, max: 30 }),
});
const directive = fc.record({
  source: fc.constantFrom('inline' as const, 'hadolint' as const),
  ids: fc.array(fc.constantFrom('r1', 'r2', 'r3', 'DL1', 'DL3'), {
    minLength: 1,
    maxLength: 3,
  }),
  lines: fc.option(
    fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -1, max: 30 }))
      .map(([from, length]) => ({ from, to: from + length })),
    { nil: undefined },
  ),
  expired: fc.boolean(),
});

describe('firstDirectivesOf', () => {
  it('answers like comparing every finding with every directive', () => {
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 25 }),
        fc.array(directive, { maxLength: 25 }),
        (rawFindings, rawDirectives) => {
          const findings = rawFindings.map(
            f =>
              ({
                ruleId: f.ruleId,
                range: {
                  start: { line: f.line, column: 1 },
                  end: { line: f.line, column: 2 },
                },
              } as Finding),
          );
          const directives = rawDirectives.map(
            (d, index): ScopedDirective => ({
              line: index,
              scope: d.lines ? 'next' : 'file',
              source: d.source,
              ids: d.ids,
              reason: `directive ${index}`,
              ...(d.expired ? { until: '2000-01-01' } : {}),
              problems: [],
              ...(d.lines ? { lines: d.lines } : {}),
            }),
          );
          expect(
            firstDirectivesOf(findings, directives, rulesById, isActive),
          ).toEqual(bruteForce(findings, directives));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('covers 20,000 findings with 20,000 one-instruction directives', () => {
    const count = 20_000;
    const findings = Array.from(
      { length: count },
      (_, i) =>
        ({
          ruleId: 'r1',
          range: {
            start: { line: 2 * i + 2, column: 1 },
            end: { line: 2 * i + 2, column: 5 },
          },
        } as Finding),
    );
    const directives = Array.from(
      { length: count },
      (_, i): ScopedDirective => ({
        line: 2 * i + 1,
        scope: 'next',
        source: 'hadolint',
        ids: ['DL1'],
        reason: '',
        problems: [],
        lines: { from: 2 * i + 2, to: 2 * i + 2 },
      }),
    );
    const answers = firstDirectivesOf(
      findings,
      directives,
      rulesById,
      isActive,
    );
    expect(answers.every((a, i) => a.firstActive === directives[i])).toBe(true);
  });
});
