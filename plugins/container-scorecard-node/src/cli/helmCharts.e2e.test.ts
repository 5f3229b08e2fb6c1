import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(120_000);

const BIN = resolve(__dirname, '../../bin/container-scorecard');
const HELM_CREATE = resolve(
  __dirname,
  '../../../container-scorecard-common/src/parsing/helm/__fixtures__/helm-create/mychart',
);

describe('container-scorecard on a repository with a Helm chart', () => {
  let project: string;
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'scorecard-helm-'));
    cpSync(HELM_CREATE, join(project, 'charts/api'), { recursive: true });
    mkdirSync(join(project, 'deploy'));
    writeFileSync(
      join(project, 'deploy/values-prod.yaml'),
      'securityContext:\n  privileged: true\n',
    );
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const scan = (args: string[]) => {
    const run = spawnSync(
      process.execPath,
      [BIN, ...args, '--format', 'json'],
      {
        cwd: project,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    return JSON.parse(run.stdout);
  };

  it('renders the chart and scores its templates, not its values files', () => {
    const report = scan(['.']);
    const paths = report.files.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual([
      'charts/api/templates/deployment.yaml',
      'charts/api/templates/tests/test-connection.yaml',
    ]);
  });

  it('applies --helm-values and points the finding at the values file', () => {
    const report = scan(['.', '--helm-values', 'deploy/values-prod.yaml']);
    const deployment = report.files.find((f: { path: string }) =>
      f.path.endsWith('deployment.yaml'),
    );
    const privileged = deployment.findings.find(
      (f: { ruleId: string }) => f.ruleId === 'k8s-privileged-container',
    );
    expect(privileged).toMatchObject({
      path: 'deploy/values-prod.yaml',
      range: { start: { line: 2 } },
      renderedFrom: {
        path: 'charts/api/templates/deployment.yaml',
        valuesKey: 'securityContext.privileged',
      },
    });
  });

  it('renders with --helm-command, passing the values files, and says why a run failed', () => {
    // A helm that prints its arguments to stderr and fails, as helm does on a template error.
    const helm = join(project, 'fake-helm');
    writeFileSync(
      helm,
      '#!/bin/sh\necho "Error: args: $1 $2 $(basename $3) $4 $(basename $5)" >&2\nexit 1\n',
      { mode: 0o755 },
    );
    const report = scan([
      '.',
      '--helm-values',
      'deploy/values-prod.yaml',
      '--helm-command',
      helm,
    ]);
    expect(report.files).toEqual([
      expect.objectContaining({
        path: 'charts/api/Chart.yaml',
        status: 'could-not-analyse',
        error: {
          code: 'render-error',
          message:
            'helm template failed (exited with status 1): Error: args: template release-name chart -f 0.yaml',
        },
      }),
    ]);
  });
});
