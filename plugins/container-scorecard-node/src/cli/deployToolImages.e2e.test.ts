import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

jest.setTimeout(120_000);

const BIN = resolve(__dirname, '../../bin/container-scorecard');
const RULE = 'k8s-image-not-pinned';

/*
 * The shape of the Skaffold-built repositories of the corpus (a microservices demo, Skaffold's own
 * examples): manifests name the images Skaffold builds bare (`image: frontend`), and Skaffold
 * replaces them with the built tag and digest at deploy time. The corpus baseline analyses its
 * files one by one, without their repositories, so this repository case is tested here.
 */
const FILES: Record<string, string> = {
  'skaffold.yaml': [
    'apiVersion: skaffold/v4beta6',
    'kind: Config',
    'metadata:',
    '  name: app',
    'build:',
    '  artifacts:',
    '    - image: frontend',
    '      context: src/frontend',
    'manifests:',
    '  rawYaml:',
    '    - ./kubernetes-manifests/**.yaml',
    'profiles:',
    '  - name: ads',
    '    build:',
    '      artifacts:',
    '        - image: adservice',
    '---',
    'apiVersion: skaffold/v4beta6',
    'kind: Config',
    'metadata:',
    '  name: loadgenerator',
    'build:',
    '  artifacts:',
    '    - image: loadgenerator',
    '',
  ].join('\n'),
  'kubernetes-manifests/app.yaml': [
    deployment('frontend', 'frontend'),
    deployment('adservice', 'adservice'),
    deployment('loadgenerator', 'loadgenerator'),
    deployment('cache', 'redis'),
  ].join('---\n'),
};

function deployment(name: string, image: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    '  template:',
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: ${image}`,
    '',
  ].join('\n');
}

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'container-scorecard-skaffold-'));
  for (const [path, content] of Object.entries(FILES)) {
    mkdirSync(join(work, path, '..'), { recursive: true });
    writeFileSync(join(work, path), content);
  }
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function unpinnedImages(cwd: string, args: string[]): string[] {
  const run = spawnSync(process.execPath, [BIN, ...args, '--format', 'json'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  if (run.status !== 0)
    throw new Error(`exit ${run.status}: ${run.stdout}\n${run.stderr}`);
  const report = JSON.parse(run.stdout);
  // skaffold.yaml is context only: never a result of its own.
  expect(report.files.map((f: { path: string }) => f.path)).toEqual([
    'kubernetes-manifests/app.yaml',
  ]);
  return report.files[0].findings
    .filter((f: { ruleId: string }) => f.ruleId === RULE)
    .map((f: { snippet: string }) => f.snippet);
}

describe('container-scorecard with a Skaffold configuration (spawned)', () => {
  it('does not report the bare images skaffold.yaml builds, only the others', () => {
    expect(unpinnedImages(work, [])).toEqual(['redis']);
  });

  it('reports them all when the manifests are scanned without the configuration', () => {
    expect(unpinnedImages(work, ['kubernetes-manifests'])).toEqual([
      'frontend',
      'adservice',
      'loadgenerator',
      'redis',
    ]);
  });
});
