import { ConfigReader } from '@backstage/config';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { inProcessAnalyzer } from './createEntityAnalyzer';
import { readAnalysisOptions } from './readAnalysisOptions';
import { withHelmCommand } from './withHelmCommand';

const CHART = [
  {
    path: 'chart/Chart.yaml',
    content: 'apiVersion: v2\nname: api\nversion: 1.0.0\n',
  },
  { path: 'chart/values.yaml', content: 'image: nginx\n' },
  {
    path: 'chart/templates/deployment.yaml',
    content: 'apiVersion: apps/v1\nkind: Deployment\n{{ broken }}\n',
  },
];

// Each case creates the engine (its parsers' WebAssembly) and spawns a process: past jest's 5 s
// default on a loaded 2-core machine.
jest.setTimeout(30_000);

describe('containerScorecard.helm', () => {
  it('is off unless a command is configured, with defaults for the bounds', () => {
    expect(readAnalysisOptions(new ConfigReader({})).helm).toBeUndefined();
    expect(
      readAnalysisOptions(
        new ConfigReader({ containerScorecard: { helm: { command: 'helm' } } }),
      ).helm,
    ).toEqual({ command: 'helm', timeoutMs: 30_000, maxOutputBytes: 4194304 });
    expect(
      readAnalysisOptions(
        new ConfigReader({
          containerScorecard: {
            helm: { command: '/opt/helm', timeout: '5s', maxOutputBytes: 1000 },
          },
        }),
      ).helm,
    ).toEqual({ command: '/opt/helm', timeoutMs: 5000, maxOutputBytes: 1000 });
    expect(() =>
      readAnalysisOptions(
        new ConfigReader({
          containerScorecard: { helm: { command: 'helm', maxOutputBytes: 0 } },
        }),
      ),
    ).toThrow('containerScorecard.helm.maxOutputBytes');
  });

  describe('with a binary', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'cs-backend-helm-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('makes a chart the binary cannot render "could not analyse" with its reason', async () => {
      const helm = join(dir, 'helm');
      writeFileSync(
        helm,
        '#!/bin/sh\necho "Error: parse error at (api/templates/deployment.yaml:3): function \\"broken\\" not defined" >&2\nexit 1\n',
      );
      chmodSync(helm, 0o755);
      const engine = await createNodeScorecardEngine();
      const analyzer = withHelmCommand(inProcessAnalyzer(engine), {
        command: helm,
        timeoutMs: 5000,
        maxOutputBytes: 100_000,
      });
      const { files } = await analyzer.analyze(CHART);
      expect(files).toEqual([
        expect.objectContaining({
          path: 'chart/Chart.yaml',
          status: 'could-not-analyse',
          error: {
            code: 'render-error',
            message:
              'helm template failed (exited with status 1): Error: parse error at (api/templates/deployment.yaml:3): function "broken" not defined',
          },
        }),
      ]);
    });
  });
});
