import { createNodeScorecardEngine } from './createNodeScorecardEngine';

describe('createNodeScorecardEngine', () => {
  it('loads the shell grammar from disk and analyses a Dockerfile', async () => {
    const engine = await createNodeScorecardEngine();

    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content:
        'FROM node:latest\nRUN apt-get update && apt-get install -y curl\n',
    });

    expect(result.status).toBe('analysed');
    const ruleIds = result.findings.map(f => f.ruleId);
    expect(ruleIds).toContain('base-image-latest-tag');
    // Found inside an && chain: proof the shell grammar loaded and parsed the RUN.
    expect(ruleIds).toContain('apt-get-missing-no-install-recommends');
  });

  it('rejects an invalid configuration with the validator error', async () => {
    await expect(
      createNodeScorecardEngine({
        config: { rules: { 'no-such-rule': { enabled: false } } } as any,
      }),
    ).rejects.toThrow(/no-such-rule/);
  });
});
