import { readFileSync } from 'node:fs';
import { readRecordedBaseline } from '../corpus/corpusBaselineFile';
import {
  accuracyReport,
  baselineFindings,
  parseJudgements,
  sampleFindings,
  type SampledFinding,
} from './accuracySample';
import { findPeerCaseFiles } from './peerCases';
import { judgementsPath, rulesDirectory, tableCell } from './runAccuracySample';

const finding = (rule: string, path: string, line: number): SampledFinding => ({
  rule,
  path,
  position: `${line}:1`,
});

describe('the accuracy sample', () => {
  const findings = [
    ...Array.from({ length: 50 }, (_, i) => finding('common', `f/${i}`, i + 1)),
    finding('rare', 'f/1', 3),
  ];

  it('takes at most N findings of every rule that fires, the same ones every time', () => {
    const sample = sampleFindings(findings, 2);
    expect(sample.filter(f => f.rule === 'common')).toHaveLength(2);
    expect(sample.filter(f => f.rule === 'rare')).toHaveLength(1);
    expect(sampleFindings([...findings].reverse(), 2)).toEqual(sample);
  });

  it('moves only the part of a rule whose findings changed', () => {
    const before = sampleFindings(findings, 2);
    const after = sampleFindings([...findings, finding('rare', 'f/2', 9)], 2);
    expect(after.filter(f => f.rule === 'common')).toEqual(
      before.filter(f => f.rule === 'common'),
    );
  });

  it('leaves suppressed findings out of the baseline findings', () => {
    const blocks = new Map([
      [
        'dockerfiles/1.Dockerfile',
        [
          'dockerfiles/1.Dockerfile analysed 80',
          '  shell-form-cmd 3:1',
          '  shell-form-cmd 9:1 suppressed',
        ],
      ],
    ]);
    expect(baselineFindings(blocks)).toEqual([
      {
        rule: 'shell-form-cmd',
        path: 'dockerfiles/1.Dockerfile',
        position: '3:1',
      },
    ]);
  });
});

describe('judgements', () => {
  const header = 'rule\tpath\tposition\tverdict\treason';

  it('reports precision overall and per rule, and what is missing or stale', () => {
    const judgements = parseJudgements(
      [
        header,
        'a\tx\t1:1\ttrue\tthe file really does it',
        'a\tx\t2:1\tfalse\tthe parser misread the line',
        'b\ty\t5:1\ttrue\tno longer sampled finding',
      ].join('\n'),
    );
    const report = accuracyReport(
      [finding('a', 'x', 1), finding('a', 'x', 2), finding('c', 'z', 4)],
      judgements,
    );
    expect(report.overall).toEqual({
      judged: 2,
      truePositives: 1,
      precision: 0.5,
    });
    expect(report.byRule.get('c')).toEqual({ judged: 0, truePositives: 0 });
    expect(report.unjudged).toEqual([finding('c', 'z', 4)]);
    expect(report.stale.map(j => j.rule)).toEqual(['b']);
    expect(report.falsePositives.map(j => j.position)).toEqual(['2:1']);
  });

  it.each([
    ['a missing header', 'a\tx\t1:1\ttrue\treason enough'],
    ['a bad verdict', `${header}\na\tx\t1:1\tyes\treason enough`],
    ['no reason', `${header}\na\tx\t1:1\ttrue\t`],
    ['a bad position', `${header}\na\tx\t1\ttrue\treason enough`],
    [
      'a finding judged twice',
      `${header}\na\tx\t1:1\ttrue\treason enough\na\tx\t1:1\tfalse\treason enough`,
    ],
  ])('rejects %s', (_, text) => {
    expect(() => parseJudgements(text)).toThrow(/judgements/);
  });

  it('cover at least 100 findings of the sample docs/accuracy.md reports', () => {
    // The sample comes from the recorded baseline, which corpusBaseline.test.ts keeps equal to
    // the engine's findings: no corpus run here.
    const report = accuracyReport(
      sampleFindings(baselineFindings(readRecordedBaseline())),
      parseJudgements(readFileSync(judgementsPath(), 'utf8')),
    );
    const judged = report.overall.judged;
    if (judged < 100) {
      const missing = report.unjudged.map(
        f => `${f.rule} ${f.path} ${f.position}`,
      );
      throw new Error(
        `Only ${judged} sampled findings are judged; judge these (npm run accuracy:sample -- --unjudged):\n${missing.join(
          '\n',
        )}`,
      );
    }
    expect(judged).toBeGreaterThanOrEqual(100);
  });
});

describe('ported peer cases', () => {
  it('finds the rule tests that cite a peer, with their sources and agreement', () => {
    const files = findPeerCaseFiles(rulesDirectory());
    expect(files.length).toBeGreaterThan(10);
    const hadolint = files.filter(f => f.peers.includes('hadolint'));
    expect(hadolint.length).toBeGreaterThan(0);
    expect(hadolint.some(f => /^\d+\/\d+$/.test(f.agreement ?? ''))).toBe(true);
    expect(
      hadolint.some(f => f.sources.some(s => /DL\d{4}Spec\.hs$/.test(s))),
    ).toBe(true);
  });
});

describe('the generated tables', () => {
  it('escapes a | in a reason so the row keeps its three cells', () => {
    const cell = tableCell(
      'echo "$X" | grep -q: echo cannot fail\nsecond line',
    );
    expect(cell).toBe('echo "$X" \\| grep -q: echo cannot fail second line');
    // Only escaped pipes remain: the row splits into the cells it was built with.
    const row = `| a | b | ${cell} |`;
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(3);
  });
});
