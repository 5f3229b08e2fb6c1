import type { FileResult } from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '../../engine';
import type { Analysis } from '../analyzeTargets';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { createPalette, formatTty } from './formatTty';
import type { ReportInput } from './types';

/*
 * Partial results (a limit reached) and files that are not definitions or ran out of time, as
 * each report format shows them. The results come from the real engine with small limits.
 */

const TIMED_OUT: FileResult = {
  path: 'slow/Dockerfile',
  kind: 'dockerfile',
  status: 'could-not-analyse',
  error: {
    code: 'analysis-timeout',
    message: 'Analysis took longer than 10 s.',
  },
  findings: [],
  counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
  suppressedCount: 0,
  images: [],
  rulesetVersion: 'test',
};

async function reportInput(): Promise<ReportInput> {
  const engine = await createNodeScorecardEngine({
    now: () => new Date('2025-06-15'),
    config: { limits: { maxFindingsPerRule: 1 } },
  });
  const repository = engine.analyzeRepository([
    {
      path: 'Dockerfile',
      // Three unpinned apt-get packages lines: one rule fires three times.
      content: [
        'FROM debian:12.5',
        'RUN apt-get update && apt-get install -y --no-install-recommends curl',
        'RUN apt-get install -y --no-install-recommends git',
        'RUN apt-get install -y --no-install-recommends make',
        'USER 1000',
        'CMD ["make"]',
        '',
      ].join('\n'),
    },
    { path: 'docs/Dockerfile', content: 'This is not a Dockerfile.\n' },
  ]);
  const analysis: Analysis = {
    results: [...repository.files, TIMED_OUT],
    aggregate: repository.aggregate,
    rulesetVersion: repository.rulesetVersion,
    targets: [],
    warnings: [],
  };
  return {
    analysis,
    rules: new Map(engine.rules.map(r => [r.id, r])),
    toolVersion: '0.1.0',
  };
}

describe('partial results and files that could not be analysed', () => {
  let input: ReportInput;
  beforeAll(async () => {
    input = await reportInput();
  });

  it('has a partial result to show (or the tests below prove nothing)', () => {
    expect(input.analysis.results[0].limitsReached).toEqual([
      expect.objectContaining({ limit: 'findings-per-rule', omitted: 2 }),
    ]);
  });

  it('tty: marks the score PARTIAL, says which limit and how many were left out', () => {
    const text = formatTty(input, createPalette(false));
    expect(text).toMatch(
      /^Dockerfile {2}\d+\/100 [A-F] PARTIAL {2}dockerfile/m,
    );
    expect(text).toContain(
      '  partial: Rule apt-get-unpinned-packages: only the first 1 findings are listed (limits.maxFindingsPerRule); 2 more are not listed but counted in the score. (findings-per-rule, 2 omitted)',
    );
    expect(text).toContain(
      'docs/Dockerfile  could not analyse: Not a Dockerfile: no Dockerfile instruction found. (not-a-definition)',
    );
    expect(text).toContain(
      'slow/Dockerfile  could not analyse: Analysis took longer than 10 s. (analysis-timeout)',
    );
    expect(text).toMatch(
      /^Overall .* 3 files, 1 analysed \(1 partial\), 2 could not be analysed/m,
    );
  });

  it('tty: a complete result carries no partial marker', async () => {
    const complete = {
      ...input,
      analysis: {
        ...input.analysis,
        results: input.analysis.results.map(r => ({
          ...r,
          limitsReached: undefined,
        })),
      },
    };
    const text = formatTty(complete, createPalette(false));
    expect(text).not.toMatch(/partial/i);
  });

  it('json: lists the limits of a partial file and counts partial files', () => {
    const report = JSON.parse(formatJson(input));
    expect(report.summary).toMatchObject({
      files: 3,
      analysed: 1,
      couldNotAnalyse: 2,
      partial: 1,
    });
    const [partial, notDockerfile, timedOut] = report.files;
    expect(partial.partial).toEqual([
      {
        limit: 'findings-per-rule',
        message: expect.stringContaining('apt-get-unpinned-packages'),
        omitted: 2,
      },
    ]);
    // The two findings left out of the list still count.
    const counted = Object.values(partial.counts as Record<string, number>);
    expect(counted.reduce((a, b) => a + b, 0)).toBe(
      partial.findings.filter((f: { suppressed: boolean }) => !f.suppressed)
        .length + 2,
    );
    expect(notDockerfile).toMatchObject({
      status: 'could-not-analyse',
      error: { code: 'not-a-definition' },
    });
    expect(notDockerfile.score).toBeUndefined();
    expect(notDockerfile.partial).toBeUndefined();
    expect(timedOut).toMatchObject({
      status: 'could-not-analyse',
      error: { code: 'analysis-timeout' },
    });
  });

  it('sarif: a warning notification per limit reached, an error per file not analysed', () => {
    const log = JSON.parse(formatSarif(input, '/work'));
    const notifications = log.runs[0].invocations[0].toolExecutionNotifications;
    expect(notifications).toEqual(
      expect.arrayContaining([
        {
          level: 'warning',
          message: {
            text: expect.stringMatching(
              /^Partial result for Dockerfile: Rule apt-get-unpinned-packages: only the first 1 findings/,
            ),
          },
          descriptor: { id: 'findings-per-rule' },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
              },
            },
          ],
          properties: { limit: 'findings-per-rule', omitted: 2 },
        },
        expect.objectContaining({
          level: 'error',
          message: {
            text: 'Could not analyse docs/Dockerfile: Not a Dockerfile: no Dockerfile instruction found.',
          },
          descriptor: { id: 'not-a-definition' },
        }),
        expect.objectContaining({
          level: 'error',
          descriptor: { id: 'analysis-timeout' },
        }),
      ]),
    );
    expect(notifications).toHaveLength(3);
  });
});
