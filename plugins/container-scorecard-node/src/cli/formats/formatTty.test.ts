import { createNodeScorecardEngine } from '../../engine';
import type { Analysis } from '../analyzeTargets';
import { createPalette, formatTty } from './formatTty';

describe('formatTty: points, diffs and the next grade', () => {
  it('prints what each finding costs, each fix as a diff of whole lines, and the fixes to the next grade', async () => {
    const engine = await createNodeScorecardEngine({
      now: () => new Date('2025-06-15'),
    });
    const repository = engine.analyzeRepository([
      {
        path: 'Dockerfile',
        content: [
          'FROM debian:12.5',
          'RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10',
          'EXPOSE 22',
          'EXPOSE 8080',
          'CMD node server.js',
          '',
        ].join('\n'),
      },
    ]);
    const analysis: Analysis = {
      results: repository.files,
      aggregate: repository.aggregate,
      rulesetVersion: repository.rulesetVersion,
      targets: [],
      warnings: [],
    };
    const text = formatTty(
      {
        analysis,
        rules: new Map(engine.rules.map(r => [r.id, r])),
        toolVersion: '0.1.0',
      },
      createPalette(false),
    );
    const findings = repository.files[0].findings;
    const withFix = findings.find(f => f.fixPreview);
    expect(withFix).toBeDefined();
    // The fix's removed and added lines, under the finding, as whole lines of the file.
    const changed = withFix!.fixPreview!.hunks[0].lines.filter(
      l => l.kind !== 'context',
    );
    for (const line of changed) {
      expect(text).toContain(
        `      ${line.kind === 'removed' ? '-' : '+'}${line.text}\n`,
      );
    }
    const costly = findings.find(f => (f.penalty ?? 0) > 0)!;
    expect(text).toMatch(
      new RegExp(`${costly.ruleId} {2}.*−${costly.penalty} pts`),
    );
    expect(text).toMatch(
      /^Next grade: fix (this finding|these \d+ findings) to reach \d+\/100 [A-D]$/m,
    );
  });
});
