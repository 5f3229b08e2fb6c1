import type { Finding } from '../model/types';
import { capFindingsPerRule } from './capFindingsPerRule';

function finding(ruleId: string, line: number, suppressed = false): Finding {
  return {
    ruleId,
    severity: 'medium',
    message: 'm',
    path: 'Dockerfile',
    range: { start: { line, column: 1 }, end: { line, column: 2 } },
    snippet: '',
    ...(suppressed ? { suppressed: { reason: 'r', source: 'inline' } } : {}),
  };
}

const linesOf = (findings: Finding[]) =>
  findings.map(f => `${f.ruleId}:${f.range.start.line}`);

describe('capFindingsPerRule', () => {
  it('keeps exactly N findings of a rule and reports nothing left out', () => {
    const findings = [1, 2, 3].map(line => finding('a', line));
    const { kept, limitsReached } = capFindingsPerRule(findings, 3);
    expect(linesOf(kept)).toEqual(['a:1', 'a:2', 'a:3']);
    expect(limitsReached).toEqual([]);
  });

  it('keeps the first N by position and says one was left out at N+1', () => {
    const findings = [1, 2, 3, 4].map(line => finding('a', line));
    const { kept, limitsReached } = capFindingsPerRule(findings, 3);
    expect(linesOf(kept)).toEqual(['a:1', 'a:2', 'a:3']);
    expect(limitsReached).toEqual([
      {
        limit: 'findings-per-rule',
        message:
          'Rule a: only the first 3 findings are listed (limits.maxFindingsPerRule); 1 more is not listed but counted in the score.',
        omitted: 1,
      },
    ]);
  });

  it('caps each rule on its own and keeps the position order across rules', () => {
    const findings = [
      finding('b', 1),
      finding('a', 2),
      finding('b', 3),
      finding('a', 4),
      finding('b', 5),
      finding('c', 6),
    ];
    const { kept, limitsReached } = capFindingsPerRule(findings, 2);
    expect(linesOf(kept)).toEqual(['b:1', 'a:2', 'b:3', 'a:4', 'c:6']);
    expect(
      limitsReached.map(l => [l.message.split(':')[0], l.omitted]),
    ).toEqual([['Rule b', 1]]);
  });

  it('lists the findings that cost points before waived ones, wherever they are', () => {
    const findings = [
      finding('a', 1, true),
      finding('a', 2, true),
      finding('a', 3),
      finding('a', 4),
    ];
    const { kept, limitsReached } = capFindingsPerRule(findings, 2);
    expect(linesOf(kept)).toEqual(['a:3', 'a:4']);
    expect(kept.every(f => !f.suppressed)).toBe(true);
    expect(limitsReached[0].omitted).toBe(2);
  });

  it('fills the places left over with waived findings, by position', () => {
    const findings = [
      finding('a', 1, true),
      finding('a', 2),
      finding('a', 3, true),
      finding('a', 4, true),
    ];
    const { kept, limitsReached } = capFindingsPerRule(findings, 3);
    expect(linesOf(kept)).toEqual(['a:1', 'a:2', 'a:3']);
    expect(limitsReached[0].omitted).toBe(1);
  });

  it('orders the limits reached by rule id, whatever the order of findings', () => {
    const findings = ['z', 'z', 'm', 'm'].map((id, i) => finding(id, i + 1));
    const { limitsReached } = capFindingsPerRule(findings, 1);
    expect(limitsReached.map(l => l.message.split(':')[0])).toEqual([
      'Rule m',
      'Rule z',
    ]);
  });
});
