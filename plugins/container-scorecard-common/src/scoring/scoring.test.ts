import fc from 'fast-check';
import { PILLAR_IDS } from '../model/pillars';
import {
  SEVERITIES,
  type FileResult,
  type Finding,
  type PillarId,
} from '../model/types';
import { aggregateEntityScores, aggregateFileResults } from './aggregateScores';
import { gradeOf } from './scoringModel';
import { scoreFindings } from './scoreFindings';

const RULE_IDS = ['r1', 'r2', 'r3', 'r4'];
const pillarOf = (id: string): PillarId =>
  PILLAR_IDS[RULE_IDS.indexOf(id) % PILLAR_IDS.length];

const findingArbitrary: fc.Arbitrary<Finding> = fc
  .record({
    ruleId: fc.constantFrom(...RULE_IDS),
    severity: fc.constantFrom(...SEVERITIES),
    line: fc.integer({ min: 1, max: 50 }),
    suppressed: fc.boolean(),
  })
  .map(({ ruleId, severity, line, suppressed }) => ({
    ruleId,
    severity,
    message: 'm',
    path: 'Dockerfile',
    range: { start: { line, column: 1 }, end: { line, column: 2 } },
    snippet: 'x',
    ...(suppressed
      ? { suppressed: { reason: 'r', source: 'inline' as const } }
      : {}),
  }));

const findingsArbitrary = fc.array(findingArbitrary, { maxLength: 25 });

function fileResult(findings: Finding[], path = 'Dockerfile'): FileResult {
  const scored = scoreFindings(findings, pillarOf);
  return {
    path,
    kind: 'dockerfile',
    status: 'analysed',
    findings: scored.findings,
    score: scored.score,
    grade: gradeOf(scored.score),
    pillarScores: scored.pillarScores,
    counts: scored.counts,
    suppressedCount: scored.suppressedCount,
    images: [],
    rulesetVersion: 'test',
  };
}

function withoutIndex<T>(list: T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

describe('file score', () => {
  it('is 100 without findings and loses points by severity', () => {
    expect(scoreFindings([], pillarOf).score).toBe(100);
    const one = (severity: Finding['severity']) =>
      scoreFindings(
        [
          {
            ruleId: 'r1',
            severity,
            message: 'm',
            path: 'D',
            snippet: 'x',
            range: {
              start: { line: 1, column: 1 },
              end: { line: 1, column: 2 },
            },
          },
        ],
        pillarOf,
      ).score;
    expect([
      one('critical'),
      one('high'),
      one('medium'),
      one('low'),
      one('info'),
    ]).toEqual([60, 80, 92, 97, 100]);
  });

  it('attaches every lost point to a finding', () => {
    fc.assert(
      fc.property(findingsArbitrary, findings => {
        const scored = scoreFindings(findings, pillarOf);
        const lost = scored.findings.reduce(
          (sum, f) => sum + (f.penalty ?? 0),
          0,
        );
        expect(scored.score).toBe(Math.max(0, Math.round(100 - lost)));
      }),
    );
  });

  it('never drops when a finding is removed (file and pillar scores)', () => {
    fc.assert(
      fc.property(findingsArbitrary, fc.nat(), (findings, seed) => {
        fc.pre(findings.length > 0);
        const removed = withoutIndex(findings, seed % findings.length);
        const before = scoreFindings(findings, pillarOf);
        const after = scoreFindings(removed, pillarOf);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        for (const pillar of PILLAR_IDS) {
          expect(after.pillarScores[pillar]).toBeGreaterThanOrEqual(
            before.pillarScores[pillar],
          );
        }
      }),
    );
  });

  it('never drops when a finding gets suppressed', () => {
    fc.assert(
      fc.property(findingsArbitrary, fc.nat(), (findings, seed) => {
        fc.pre(findings.length > 0);
        const index = seed % findings.length;
        const waived = findings.map((f, i) =>
          i === index
            ? { ...f, suppressed: { reason: 'r', source: 'config' as const } }
            : f,
        );
        expect(scoreFindings(waived, pillarOf).score).toBeGreaterThanOrEqual(
          scoreFindings(findings, pillarOf).score,
        );
      }),
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(findingsArbitrary, findings => {
        expect(scoreFindings(findings, pillarOf)).toEqual(
          scoreFindings(findings, pillarOf),
        );
      }),
    );
  });
});

describe('aggregates', () => {
  const filesArbitrary = fc.array(findingsArbitrary, {
    minLength: 1,
    maxLength: 6,
  });

  it('never drops when a finding is removed from any file', () => {
    fc.assert(
      fc.property(
        filesArbitrary,
        fc.nat(),
        fc.nat(),
        (files, fileSeed, findingSeed) => {
          const fileIndex = fileSeed % files.length;
          fc.pre(files[fileIndex].length > 0);
          const fixed = files.map((f, i) =>
            i === fileIndex ? withoutIndex(f, findingSeed % f.length) : f,
          );
          const before = aggregateFileResults(files.map(f => fileResult(f)));
          const after = aggregateFileResults(fixed.map(f => fileResult(f)));
          expect(after.score!).toBeGreaterThanOrEqual(before.score!);
          for (const pillar of PILLAR_IDS) {
            expect(after.pillarScores![pillar]).toBeGreaterThanOrEqual(
              before.pillarScores![pillar],
            );
          }
        },
      ),
    );
  });

  it('never drops when a file without findings is added', () => {
    fc.assert(
      fc.property(filesArbitrary, files => {
        const before = aggregateFileResults(files.map(f => fileResult(f)));
        const after = aggregateFileResults([
          ...files.map(f => fileResult(f)),
          fileResult([], 'Dockerfile.clean'),
        ]);
        expect(after.score!).toBeGreaterThanOrEqual(before.score!);
      }),
    );
  });

  it('never drops at group level when an entity improves or a clean entity joins', () => {
    fc.assert(
      fc.property(
        fc.array(filesArbitrary, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (entities, seed) => {
          const aggregate = (list: Finding[][][]) =>
            aggregateEntityScores(
              list.map(files =>
                aggregateFileResults(files.map(f => fileResult(f))),
              ),
            );
          const index = seed % entities.length;
          const improved = entities.map((files, i) =>
            i === index ? files.map(() => []) : files,
          );
          expect(aggregate(improved).score!).toBeGreaterThanOrEqual(
            aggregate(entities).score!,
          );
          expect(aggregate([...entities, [[]]]).score!).toBeGreaterThanOrEqual(
            aggregate(entities).score!,
          );
        },
      ),
    );
  });

  it('mixes the mean and the worst file', () => {
    const clean = fileResult([]);
    const bad = { ...clean, score: 20 };
    expect(aggregateFileResults([clean, clean, clean, bad]).score).toBe(
      Math.round(0.5 * 80 + 0.5 * 20),
    );
  });

  it('excludes files that could not be analysed and counts them apart', () => {
    const failed: FileResult = {
      ...fileResult([]),
      status: 'could-not-analyse',
      score: undefined,
      pillarScores: undefined,
      error: { code: 'binary-content', message: 'x' },
    };
    const onlyFailed = aggregateFileResults([failed]);
    expect(onlyFailed).toMatchObject({
      status: 'no-data',
      couldNotAnalyseCount: 1,
      scoredCount: 0,
    });
    expect(onlyFailed.score).toBeUndefined();
    const mixed = aggregateFileResults([
      failed,
      { ...fileResult([]), score: 70 },
    ]);
    expect(mixed).toMatchObject({
      status: 'scored',
      score: 70,
      couldNotAnalyseCount: 1,
      scoredCount: 1,
    });
    expect(aggregateEntityScores([onlyFailed]).couldNotAnalyseCount).toBe(1);
  });
});
