import { analyze, createTestEngine, lines } from '../testing';

const LATEST = 'base-image-latest-tag';

async function findingsOf(content: string, path = 'Dockerfile') {
  return (await analyze(content, path)).findings;
}

describe('suppressions', () => {
  it('waives the next instruction, keeps the finding and costs no points', async () => {
    const result = await analyze(
      lines(
        '# scorecard ignore=base-image-latest-tag reason="tracking upstream nightly"',
        'FROM node:latest',
        'USER 1000',
        'HEALTHCHECK NONE',
      ),
    );
    const finding = result.findings.find(f => f.ruleId === LATEST)!;
    expect(finding.suppressed).toEqual({
      reason: 'tracking upstream nightly',
      source: 'inline',
    });
    expect(finding.penalty).toBe(0);
    expect(result.suppressedCount).toBe(1);
    expect(result.score).toBe(100);
  });

  it('covers every line of a continued instruction, and only that instruction', async () => {
    const findings = await findingsOf(
      lines(
        'FROM debian:12',
        'USER 1000',
        '# scorecard ignore=apt-get-missing-no-install-recommends reason="needs docs"',
        'RUN apt-get update && \\',
        '    apt-get install -y man-db',
        'RUN apt-get install -y curl',
      ),
    );
    const apt = findings.filter(
      f => f.ruleId === 'apt-get-missing-no-install-recommends',
    );
    expect(apt.map(f => [f.range.start.line, !!f.suppressed])).toEqual([
      [5, true],
      [6, false],
    ]);
  });

  it('accepts several ids, stacked comments and blank lines before the instruction', async () => {
    const findings = await findingsOf(
      lines(
        '# scorecard ignore=base-image-latest-tag,no-user-in-final-stage,missing-healthcheck reason="sandbox image"',
        '# hadolint ignore=DL3006',
        '',
        'FROM node:latest',
      ),
    );
    expect(
      findings.filter(f => !f.suppressed && f.severity !== 'info'),
    ).toEqual([]);
  });

  it('honours hadolint ignore comments for rules with that equivalent only', async () => {
    const findings = await findingsOf(
      lines('# hadolint ignore=DL3007,DL3002', 'FROM node:latest', 'USER root'),
    );
    expect(findings.find(f => f.ruleId === LATEST)?.suppressed?.source).toBe(
      'hadolint',
    );
    // DL3002 is the equivalent of last-user-root, but the comment covers the FROM line only.
    const root = findings.find(f => f.ruleId === 'last-user-root');
    expect(root?.range.start.line).toBe(3);
    expect(root?.suppressed).toBeUndefined();
  });

  it('honours file-wide waivers and hadolint global ignores', async () => {
    const content = lines(
      '# hadolint global ignore=DL3007',
      'FROM node:latest AS a',
      '# scorecard ignore-file=no-user-in-final-stage,missing-healthcheck,full-os-base-image reason="runs as root by design"',
      'FROM python:latest',
    );
    const findings = await findingsOf(content);
    expect(findings.every(f => f.suppressed)).toBe(true);
  });

  it('stops suppressing after the expiry date and says the waiver expired', async () => {
    const content = (until: string) =>
      lines(
        `# scorecard ignore=base-image-latest-tag reason="spike" until=${until}`,
        'FROM node:latest',
        'USER node',
      );
    const expired = (await findingsOf(content('2025-06-14'))).find(
      f => f.ruleId === LATEST,
    )!;
    expect(expired.suppressed).toBeUndefined();
    expect(expired.expiredSuppression).toEqual({
      reason: 'spike',
      until: '2025-06-14',
      source: 'inline',
    });
    const lastDay = (await findingsOf(content('2025-06-15'))).find(
      f => f.ruleId === LATEST,
    )!;
    expect(lastDay.suppressed?.until).toBe('2025-06-15');
  });

  it('honours a waiver without reason but reports it', async () => {
    const findings = await findingsOf(
      lines(
        '# scorecard ignore=base-image-latest-tag',
        'FROM node:latest',
        'USER node',
      ),
    );
    expect(findings.find(f => f.ruleId === LATEST)?.suppressed).toEqual({
      reason: '',
      source: 'inline',
    });
    const flagged = findings.find(
      f => f.ruleId === 'suppression-without-reason',
    )!;
    expect(flagged.severity).toBe('info');
    expect(flagged.range.start.line).toBe(1);
  });

  it('reports a malformed expiry date and treats the waiver as permanent', async () => {
    const findings = await findingsOf(
      lines(
        '# scorecard ignore=base-image-latest-tag reason="x" until=31/12/2025',
        'FROM node:latest',
        'USER node',
      ),
    );
    expect(findings.find(f => f.ruleId === LATEST)?.suppressed).toBeDefined();
    expect(
      findings.find(f => f.ruleId === 'invalid-suppression')?.message,
    ).toContain('31/12/2025');
  });

  it('applies to the next key and its block in YAML, and to its own line when trailing', async () => {
    const content = lines(
      'services:',
      '  # scorecard ignore=compose-privileged reason="needs /dev/kvm"',
      '  emulator:',
      '    image: acme/emu:1',
      '    privileged: true',
      '  other:',
      '    image: acme/other:1',
      '    privileged: true # scorecard ignore=compose-privileged reason="legacy"',
      '  third:',
      '    privileged: true',
    );
    const findings = (await findingsOf(content, 'compose.yaml')).filter(
      f => f.ruleId === 'compose-privileged',
    );
    expect(
      findings.map(f => [f.range.start.line, f.suppressed?.reason]),
    ).toEqual([
      [5, 'needs /dev/kvm'],
      [8, 'legacy'],
      [10, undefined],
    ]);
  });

  it('applies central waivers from configuration, by path pattern', async () => {
    const engine = await createTestEngine({
      config: {
        waivers: [
          { rule: LATEST, paths: ['sandbox/**'], reason: 'sandboxes float' },
        ],
      },
    });
    const waived = engine.analyzeFile({
      path: 'sandbox/a/Dockerfile',
      content: lines('FROM node:latest'),
    });
    const kept = engine.analyzeFile({
      path: 'api/Dockerfile',
      content: lines('FROM node:latest'),
    });
    expect(
      waived.findings.find(f => f.ruleId === LATEST)?.suppressed?.source,
    ).toBe('config');
    expect(
      kept.findings.find(f => f.ruleId === LATEST)?.suppressed,
    ).toBeUndefined();
  });
});
