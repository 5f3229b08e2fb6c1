import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScorecardInputFile } from '@container-scorecard/plugin-container-scorecard-common';
import { createNodeScorecardEngine } from '../engine';
import { renderChartsWithHelmCommand } from './renderChartsWithHelmCommand';

/**
 * A stand-in for `helm template <release> <chart> -f <values>...`: it reads the chart's name,
 * its values.yaml and every `-f` file (later files win, flat `key: value` lines only) and prints
 * each template after a `# Source: <chart name>/templates/<file>` comment, with
 * `{{ .Release.Name }}` and `{{ .Values.<key> }}` replaced, as helm does.
 */
const FAKE_HELM = `
const fs = require('node:fs');
const path = require('node:path');
const [verb, release, chart, ...rest] = process.argv.slice(2);
if (verb !== 'template') { process.stderr.write('Error: unknown command ' + verb); process.exit(1); }
const values = {};
const load = file => {
  for (const line of fs.readFileSync(file, 'utf8').split('\\n')) {
    const m = /^(\\w+):\\s*(.*)$/.exec(line);
    if (m) values[m[1]] = m[2];
  }
};
load(path.join(chart, 'values.yaml'));
for (let i = 0; i < rest.length; i += 2) if (rest[i] === '-f') load(rest[i + 1]);
const name = /^name:\\s*(\\S+)/m.exec(fs.readFileSync(path.join(chart, 'Chart.yaml'), 'utf8'))[1];
for (const file of fs.readdirSync(path.join(chart, 'templates')).sort()) {
  if (!file.endsWith('.yaml')) continue;
  const text = fs.readFileSync(path.join(chart, 'templates', file), 'utf8')
    .replace(/{{ \\.Release\\.Name }}/g, release)
    .replace(/{{ \\.Values\\.(\\w+) }}/g, (_, key) => values[key] ?? '');
  process.stdout.write('---\\n# Source: ' + name + '/templates/' + file + '\\n' + text);
}
`;

const DEPLOYMENT = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: {{ .Release.Name }}-web',
  'spec:',
  '  template:',
  '    spec:',
  '      containers:',
  '        - name: web',
  '          image: "nginx:1.27"',
  '          securityContext:',
  '            privileged: {{ .Values.privileged }}',
  '',
].join('\n');

const CHART: ScorecardInputFile[] = [
  {
    path: 'deploy/web/Chart.yaml',
    content: 'apiVersion: v2\nname: storefront\nversion: 1.0.0\n',
  },
  { path: 'deploy/web/values.yaml', content: 'privileged: false\n' },
  { path: 'deploy/web/templates/deployment.yaml', content: DEPLOYMENT },
  { path: 'deploy/values-prod.yaml', content: 'privileged: true\n' },
];

describe('renderChartsWithHelmCommand', () => {
  let dir: string;
  const script = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    chmodSync(file, 0o755);
    return file;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'cs-fake-helm-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const options = (command: string) => ({
    command,
    timeoutMs: 10_000,
    maxOutputBytes: 1024 * 1024,
  });

  it('runs helm template with the values files and maps findings to the template', async () => {
    const helm = script('helm', `#!${process.execPath}\n${FAKE_HELM}`);
    const renderOptions = await renderChartsWithHelmCommand(
      CHART,
      { helmValuesFiles: ['deploy/values-prod.yaml'] },
      options(helm),
    );
    const result = renderOptions?.helmCommandResults?.['deploy/web'];
    expect(result).toMatchObject({
      status: 'rendered',
      valuesFiles: ['deploy/values-prod.yaml'],
      commandLine: `${helm} template release-name deploy/web -f deploy/values-prod.yaml`,
    });
    expect(result?.status === 'rendered' && result.output).toContain(
      'name: release-name-web',
    );

    const engine = await createNodeScorecardEngine();
    const analysis = engine.analyzeRepository(CHART, undefined, renderOptions);
    const [file] = analysis.files;
    expect(file.path).toBe('deploy/web/templates/deployment.yaml');
    expect(file.rendering?.notes?.[0]).toContain('Rendered by');
    const privileged = file.findings.find(
      f => f.ruleId === 'k8s-privileged-container',
    );
    // The value came from values-prod.yaml (true): the finding is on the template's line.
    expect(privileged).toMatchObject({
      path: 'deploy/web/templates/deployment.yaml',
      range: { start: { line: 12 } },
      renderedFrom: { renderedSnippet: expect.stringContaining('true') },
    });
  });

  it('says why when helm exits with an error, with what it wrote to stderr', async () => {
    const helm = script(
      'helm',
      '#!/bin/sh\necho \'Error: template: storefront/templates/x.yaml:3: function "nope" not defined\' >&2\nexit 1\n',
    );
    const renderOptions = await renderChartsWithHelmCommand(
      CHART,
      undefined,
      options(helm),
    );
    expect(renderOptions?.helmCommandResults?.['deploy/web']).toEqual({
      status: 'failed',
      error: {
        code: 'render-error',
        message:
          'helm template failed (exited with status 1): Error: template: storefront/templates/x.yaml:3: function "nope" not defined',
      },
    });
    const engine = await createNodeScorecardEngine();
    const [file] = engine.analyzeRepository(
      CHART,
      undefined,
      renderOptions,
    ).files;
    expect(file).toMatchObject({
      path: 'deploy/web/Chart.yaml',
      status: 'could-not-analyse',
      error: {
        message: expect.stringContaining('function "nope" not defined'),
      },
    });
  });

  it('stops a run past the timeout, children included, without blocking the event loop', async () => {
    const helm = script('helm', '#!/bin/sh\nsleep 30\necho never\n');
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 20);
    const started = Date.now();
    const renderOptions = await renderChartsWithHelmCommand(CHART, undefined, {
      ...options(helm),
      timeoutMs: 500,
    });
    clearInterval(ticker);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ticks).toBeGreaterThan(5);
    expect(renderOptions?.helmCommandResults?.['deploy/web']).toMatchObject({
      status: 'failed',
      error: {
        message: expect.stringContaining('did not finish within 500 ms'),
      },
    });
  });

  it("gives all of an entity's charts one time budget, and says which were left out", async () => {
    const helm = script('helm', '#!/bin/sh\nsleep 30\n');
    const second = CHART.map(file => ({
      ...file,
      path: file.path.replace('deploy/web/', 'deploy/api/'),
    }));
    const started = Date.now();
    const renderOptions = await renderChartsWithHelmCommand(
      [...CHART, ...second],
      undefined,
      options(helm),
      500,
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(renderOptions?.helmCommandResults).toEqual({
      'deploy/api': {
        status: 'failed',
        error: {
          code: 'render-error',
          message: expect.stringContaining(
            "Not rendered: the Helm command's time",
          ),
        },
      },
      'deploy/web': {
        status: 'failed',
        error: {
          code: 'render-error',
          message: expect.stringContaining('did not finish within'),
        },
      },
    });
  });

  it('stops a run that writes more than the output bound', async () => {
    const helm = script(
      'helm',
      `#!${process.execPath}\nprocess.stdout.write('x'.repeat(200000));\n`,
    );
    const renderOptions = await renderChartsWithHelmCommand(CHART, undefined, {
      ...options(helm),
      maxOutputBytes: 10_000,
    });
    expect(renderOptions?.helmCommandResults?.['deploy/web']).toMatchObject({
      status: 'failed',
      error: { message: expect.stringContaining('more than 10000 bytes') },
    });
  });

  it('names a command that does not exist', async () => {
    const renderOptions = await renderChartsWithHelmCommand(
      CHART,
      undefined,
      options(join(dir, 'no-such-helm')),
    );
    expect(renderOptions?.helmCommandResults?.['deploy/web']).toMatchObject({
      status: 'failed',
      error: { message: expect.stringContaining('was not found') },
    });
  });

  it('leaves repositories without charts alone', async () => {
    const files = [{ path: 'Dockerfile', content: 'FROM alpine:3.20\n' }];
    expect(
      await renderChartsWithHelmCommand(files, undefined, options('helm')),
    ).toBeUndefined();
  });
});
