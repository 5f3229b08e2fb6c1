import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { corpusDirectory } from '../corpus/readCorpus';
import { EXIT_CODES } from './exitCodes';

jest.setTimeout(120_000);

const BIN = resolve(__dirname, '../../bin/container-scorecard');
const FIXTURES = resolve(__dirname, '__fixtures__');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the bin as a user would: a separate Node process, in `cwd`. */
function cli(args: string[], cwd: string, input?: string): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** Checks the exit code, showing the output when it is not the expected one. */
function expectExit(run: Run, code: number) {
  if (run.code !== code) {
    throw new Error(
      `Expected exit ${code}, got ${run.code}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`,
    );
  }
}

function json(run: Run) {
  try {
    return JSON.parse(run.stdout);
  } catch {
    throw new Error(
      `Not JSON (exit ${run.code}): ${run.stdout}\n${run.stderr}`,
    );
  }
}

let work: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'container-scorecard-cli-'));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A fresh copy of a fixture directory (tests may rewrite files). */
function copyFixture(name: string): string {
  const target = mkdtempSync(join(work, `${name}-`));
  cpSync(join(FIXTURES, name), target, { recursive: true });
  return target;
}

describe('container-scorecard (spawned)', () => {
  it('walks a directory, skipping node_modules, vendor and hidden directories, and reports JSON', () => {
    const project = copyFixture('project');
    mkdirSync(join(project, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(
      join(project, 'node_modules', 'dep', 'Dockerfile'),
      'FROM ubuntu\n',
    );

    const run = cli(['--format', 'json'], project);
    expectExit(run, EXIT_CODES.ok);
    const report = json(run);
    const paths = report.files.map((f: { path: string }) => f.path);
    expect(paths).toEqual([
      'Dockerfile',
      'deploy/deployment.yaml',
      'docker-compose.yml',
      'services/api/Dockerfile',
      'services/worker/Dockerfile',
    ]);
    expect(report.rulesetVersion).toMatch(/\+/);
    expect(report.aggregate.status).toBe('scored');

    const dockerfile = report.files[0];
    expect(dockerfile).toMatchObject({
      kind: 'dockerfile',
      status: 'analysed',
    });
    expect(dockerfile.score).toBeGreaterThanOrEqual(0);
    expect(dockerfile.grade).toMatch(/^[A-F]$/);
    const latest = dockerfile.findings.find(
      (f: { ruleId: string }) => f.ruleId === 'base-image-latest-tag',
    );
    expect(latest).toMatchObject({
      severity: expect.any(String),
      suppressed: false,
      equivalents: expect.objectContaining({ hadolint: 'DL3007' }),
      range: {
        start: { line: 1, column: expect.any(Number) },
        end: expect.any(Object),
      },
      message: expect.any(String),
    });
    const ruleIds = (file: { findings: { ruleId: string }[] }) =>
      file.findings.map(f => f.ruleId);
    expect(ruleIds(report.files[1])).toContain('k8s-privileged-container');
    expect(ruleIds(report.files[2])).toContain('compose-privileged');
    expect(ruleIds(report.files[3])).not.toContain('no-user-in-final-stage');
  });

  it('finds every Dockerfile name in use and compose files by content, not CI files', () => {
    const project = mkdtempSync(join(work, 'names-'));
    const files: Record<string, string> = {
      'Dockerfile-windows':
        'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\n',
      'images/Dockerfile-chroot': 'FROM debian:12\nUSER app\n',
      'build.Dockerfile': 'FROM golang:1.23\n',
      'Containerfile.fedora': 'FROM fedora:41\n',
      'deploy/stack.yml':
        'version: "3.8"\nservices:\n  db:\n    image: postgres:16\n    privileged: true\n',
      // `services:` in a CI file or a values file is not a compose file.
      'ci/gitlab-ci.yml':
        'image: docker:27\nservices:\n  - docker:27-dind\nbuild:\n  script: docker build .\n',
      'ci/workflow.yml':
        'on: [push]\njobs:\n  test:\n    services:\n      db:\n        image: postgres:16\n',
      'chart-values.yaml':
        'services:\n  api:\n    image:\n      repository: acme/api\n',
      'scripts/lint-dockerfile': '#!/bin/sh\nhadolint Dockerfile\n',
    };
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(join(project, path, '..'), { recursive: true });
      writeFileSync(join(project, path), content);
    }
    const run = cli(['--format', 'json'], project);
    expectExit(run, EXIT_CODES.ok);
    const kinds = json(run).files.map((f: { path: string; kind: string }) => [
      f.path,
      f.kind,
    ]);
    expect(kinds).toEqual([
      ['Containerfile.fedora', 'dockerfile'],
      ['Dockerfile-windows', 'dockerfile'],
      ['build.Dockerfile', 'dockerfile'],
      ['deploy/stack.yml', 'compose'],
      ['images/Dockerfile-chroot', 'dockerfile'],
    ]);
    const stack = json(run).files.find(
      (f: { path: string }) => f.path === 'deploy/stack.yml',
    );
    expect(stack.findings.map((f: { ruleId: string }) => f.ruleId)).toContain(
      'compose-privileged',
    );
  });

  it('prints a readable terminal report with file:line:col, severity, rule id and message', () => {
    const run = cli(['Dockerfile', '--no-color'], join(FIXTURES, 'project'));
    expectExit(run, EXIT_CODES.ok);
    expect(run.stdout).toMatch(/^Dockerfile {2}\d+\/100 [A-F]/m);
    expect(run.stdout).toMatch(
      /Dockerfile:1:\d+ {2}\w+ +base-image-latest-tag {2}\S/,
    );
    expect(run.stdout).toMatch(/^Overall \d+\/100 [A-F]/m);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('writes valid SARIF 2.1.0', () => {
    const run = cli(['--format', 'sarif'], join(FIXTURES, 'project'));
    expectExit(run, EXIT_CODES.ok);
    const log = json(run);
    expect(log.version).toBe('2.1.0');
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.name).toBe('container-scorecard');
    expect(sarifRun.results.length).toBeGreaterThan(0);
    const result = sarifRun.results.find(
      (r: { ruleId: string }) => r.ruleId === 'base-image-latest-tag',
    );
    expect(result.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'Dockerfile', uriBaseId: '%SRCROOT%' },
      region: { startLine: 1 },
    });
  });

  describe('thresholds', () => {
    const project = join(FIXTURES, 'project');

    it('exits 1 when the score is below --fail-below', () => {
      const run = cli(['--fail-below', '100'], project);
      expectExit(run, EXIT_CODES.thresholdFailed);
      expect(run.stderr).toMatch(/below --fail-below 100/);
    });

    it('exits 0 when the score reaches --fail-below', () => {
      expect(cli(['--fail-below', '0'], project).code).toBe(EXIT_CODES.ok);
    });

    it('exits 1 on --fail-on when an unwaived finding is that severe or worse', () => {
      const run = cli(['--fail-on', 'info', 'Dockerfile'], project);
      expectExit(run, EXIT_CODES.thresholdFailed);
      expect(run.stderr).toMatch(/--fail-on info/);
    });

    it('rejects a bad threshold as a usage error', () => {
      const run = cli(['--fail-below', 'high'], project);
      expectExit(run, EXIT_CODES.usageError);
      expect(run.stderr).toMatch(/0 to 100/);
      expect(cli(['--fail-on', 'severe'], project).code).toBe(
        EXIT_CODES.usageError,
      );
    });
  });

  it('--fix rewrites a copy in place, re-analyses and reports what changed', () => {
    const project = copyFixture('project');
    const before = cli(['Dockerfile', '--format', 'json'], project);
    const fixable = json(before).files[0].findings.filter(
      (f: { fix?: unknown }) => f.fix,
    );
    expect(fixable.length).toBeGreaterThan(0);

    const run = cli(['Dockerfile', '--fix', '--format', 'json'], project);
    expectExit(run, EXIT_CODES.ok);
    const report = json(run);
    expect(report.fixes).toHaveLength(1);
    expect(report.fixes[0].path).toBe('Dockerfile');
    expect(
      report.fixes[0].fixed.map((f: { ruleId: string }) => f.ruleId),
    ).toEqual(
      expect.arrayContaining(['apt-get-missing-no-install-recommends']),
    );
    expect(report.fixes[0].scoreAfter).toBeGreaterThanOrEqual(
      report.fixes[0].scoreBefore,
    );
    const text = readFileSync(join(project, 'Dockerfile'), 'utf8');
    expect(text).toContain('--no-install-recommends');
    expect(
      report.files[0].findings.filter((f: { fix?: unknown }) => f.fix),
    ).toEqual([]);
    // The fixture itself is untouched.
    expect(
      readFileSync(join(FIXTURES, 'project', 'Dockerfile'), 'utf8'),
    ).not.toContain('--no-install-recommends');
  });

  describe('configuration file', () => {
    it('reads .container-scorecard.yaml from the current directory', () => {
      const directory = copyFixture('configs');
      cpSync(
        join(FIXTURES, 'project', 'Dockerfile'),
        join(directory, 'Dockerfile'),
      );
      const report = json(cli(['Dockerfile', '--format', 'json'], directory));
      const ids = report.files[0].findings.map(
        (f: { ruleId: string }) => f.ruleId,
      );
      expect(ids).not.toContain('base-image-latest-tag');
      expect(
        report.files[0].findings.find(
          (f: { ruleId: string }) => f.ruleId === 'no-user-in-final-stage',
        )?.severity,
      ).toBe('low');
    });

    it('takes --config, accepting an app-config excerpt under containerScorecard', () => {
      const run = cli(
        [
          join(FIXTURES, 'project', 'Dockerfile'),
          '--config',
          join(FIXTURES, 'configs', 'app-config-excerpt.yaml'),
          '--format',
          'json',
        ],
        work,
      );
      expectExit(run, EXIT_CODES.ok);
      const ids = json(run).files[0].findings.map(
        (f: { ruleId: string }) => f.ruleId,
      );
      expect(ids).not.toContain('no-user-in-final-stage');
    });

    it('reports every problem of an invalid configuration with the file path, exit 2', () => {
      const file = join(FIXTURES, 'configs', 'unknown-rule.yaml');
      const run = cli(['--config', file], work);
      expectExit(run, EXIT_CODES.usageError);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toMatch(/rules\.no-such-rule: unknown rule id/);
      expect(run.stderr).toMatch(/"extreme" is not one of/);
      expect(run.stdout).toBe('');
    });

    it('reports YAML syntax errors with the file, line and column, exit 2', () => {
      const file = join(FIXTURES, 'configs', 'not-yaml.yaml');
      const run = cli(['--config', file], work);
      expectExit(run, EXIT_CODES.usageError);
      expect(run.stderr).toMatch(
        new RegExp(
          `${file.replace(
            /[.*+?^${}()|[\]\\]/g,
            '\\$&',
          )}:\\d+:\\d+: not valid YAML`,
        ),
      );
    });

    it('reports a missing --config file, exit 2', () => {
      const run = cli(['--config', 'nope.yaml'], work);
      expectExit(run, EXIT_CODES.usageError);
      expect(run.stderr).toMatch(/nope\.yaml: configuration file not found/);
    });
  });

  it('reports nonexistent paths as a usage error, exit 2', () => {
    const run = cli(['does-not-exist', 'nor-this/Dockerfile'], work);
    expectExit(run, EXIT_CODES.usageError);
    expect(run.stderr).toMatch(/does-not-exist: no such file or directory/);
    expect(run.stderr).toMatch(
      /nor-this\/Dockerfile: no such file or directory/,
    );
  });

  describe('files that are not definitions, and partial results', () => {
    let directory: string;

    beforeAll(() => {
      directory = mkdtempSync(join(work, 'not-definitions-'));
      writeFileSync(join(directory, 'Dockerfile'), '');
      writeFileSync(join(directory, 'docker-compose.yml'), "version: '3.8'\n");
      const pod = (name: string) =>
        `---\napiVersion: v1\nkind: Pod\nmetadata: { name: ${name} }\nspec:\n  containers:\n    - name: a\n      image: nginx:1.27\n`;
      writeFileSync(join(directory, 'pods.yaml'), pod('a') + pod('b'));
      writeFileSync(
        join(directory, '.container-scorecard.yaml'),
        'limits:\n  maxYamlDocuments: 1\n',
      );
    });

    it('reports an empty Dockerfile and a compose file without services as not definitions, and marks a partial file', () => {
      const run = cli(['--no-color'], directory);
      expectExit(run, EXIT_CODES.ok);
      expect(run.stdout).toContain(
        'Dockerfile  could not analyse: Not a Dockerfile: no Dockerfile instruction found. (not-a-definition)',
      );
      expect(run.stdout).toContain(
        'docker-compose.yml  could not analyse: Not a compose file: no "services" mapping found. (not-a-definition)',
      );
      expect(run.stdout).toMatch(/^pods\.yaml {2}\d+\/100 [A-F] PARTIAL/m);
      expect(run.stdout).toMatch(
        /1 more was left out\. \(yaml-documents, 1 omitted\)/,
      );
    });

    it('exits 3 with --strict for a file analysed only in part', () => {
      const run = cli(['--strict', 'pods.yaml'], directory);
      expectExit(run, EXIT_CODES.couldNotAnalyse);
      expect(run.stderr).toMatch(
        /1 file was only partly analysed \(--strict\): pods\.yaml/,
      );
    });
  });

  describe('files that cannot be analysed', () => {
    let directory: string;

    beforeAll(() => {
      directory = mkdtempSync(join(work, 'unanalysable-'));
      writeFileSync(
        join(directory, 'Dockerfile'),
        Buffer.from([0x46, 0x52, 0x4f, 0x4d, 0x00, 0x01, 0x02, 0xff, 0x00]),
      );
      // 3 MB, over the 1 MiB default: never read into memory, reported as too large.
      writeFileSync(
        join(directory, 'huge.Dockerfile'),
        `FROM alpine:3.20\n${'# padding\n'.repeat(300_000)}`,
      );
      writeFileSync(
        join(directory, 'ok.Dockerfile'),
        'FROM alpine:3.20\nUSER 1000\n',
      );
    });

    it('gives binary and huge files a could-not-analyse result of their own', () => {
      const run = cli(['--format', 'json'], directory);
      expectExit(run, EXIT_CODES.ok);
      const report = json(run);
      const byPath = Object.fromEntries(
        report.files.map((f: { path: string }) => [f.path, f]),
      );
      expect(byPath.Dockerfile).toMatchObject({
        status: 'could-not-analyse',
        error: { code: 'binary-content' },
      });
      expect(byPath['huge.Dockerfile']).toMatchObject({
        status: 'could-not-analyse',
        error: { code: 'file-too-large' },
      });
      expect(byPath['huge.Dockerfile'].score).toBeUndefined();
      expect(byPath['ok.Dockerfile'].status).toBe('analysed');
      expect(report.aggregate.couldNotAnalyseCount).toBe(2);
      expect(report.summary).toMatchObject({
        files: 3,
        analysed: 1,
        couldNotAnalyse: 2,
      });
    });

    it('exits 3 with --strict', () => {
      const run = cli(['--strict'], directory);
      expectExit(run, EXIT_CODES.couldNotAnalyse);
      expect(run.stdout).toMatch(/could not analyse/);
      expect(run.stderr).toMatch(/2 files could not be analysed/);
    });

    it('lists them as tool notifications in SARIF', () => {
      const log = json(cli(['--format', 'sarif'], directory));
      const notes = log.runs[0].invocations[0].toolExecutionNotifications;
      expect(
        notes
          .map((n: { descriptor: { id: string } }) => n.descriptor.id)
          .sort(),
      ).toEqual(['binary-content', 'file-too-large']);
    });
  });

  it('analyses explicitly named files whatever their name, and standard input', () => {
    const named = join(FIXTURES, 'named');
    const report = json(
      cli(['hadolint-case.txt', 'stack.yaml', '--format', 'json'], named),
    );
    expect(
      report.files.map((f: { path: string; kind: string }) => [f.path, f.kind]),
    ).toEqual([
      ['hadolint-case.txt', 'dockerfile'],
      ['stack.yaml', 'compose'],
    ]);
    const ids = report.files[0].findings.map(
      (f: { ruleId: string }) => f.ruleId,
    );
    expect(ids).toContain('apt-get-missing-no-install-recommends');
    expect(report.files[0].findings[0].path).toBe('hadolint-case.txt');

    const stdin = json(
      cli(['-', '--format', 'json'], work, 'FROM node:latest\n'),
    );
    expect(stdin.files[0]).toMatchObject({ path: '-', kind: 'dockerfile' });
  });

  it('analyses real-world corpus files by path', () => {
    const corpus = corpusDirectory();
    const run = cli(
      [
        join(corpus, 'dockerfiles', '0001.Dockerfile'),
        join(corpus, 'compose', '0001.yaml'),
        join(corpus, 'k8s'),
        '--format',
        'json',
      ],
      work,
    );
    expectExit(run, EXIT_CODES.ok);
    const report = json(run);
    const kinds = new Set(report.files.map((f: { kind: string }) => f.kind));
    expect(kinds).toEqual(new Set(['dockerfile', 'compose', 'kubernetes']));
  });

  describe('rules', () => {
    it('lists every rule as JSON with its metadata', () => {
      const run = cli(['rules', '--format', 'json'], work);
      expectExit(run, EXIT_CODES.ok);
      const { rules, rulesetVersion } = json(run);
      expect(rulesetVersion).toMatch(/\+/);
      expect(rules.length).toBeGreaterThan(5);
      for (const rule of rules) {
        expect(rule).toEqual(
          expect.objectContaining({
            id: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)*$/),
            pillar: expect.any(String),
            severity: expect.stringMatching(
              /^(critical|high|medium|low|info)$/,
            ),
            appliesTo: expect.any(Array),
            equivalents: expect.any(Object),
            fixable: expect.any(Boolean),
            enabled: true,
          }),
        );
      }
      // Links to the peers' rule pages travel with the equivalents they belong to.
      const linked = rules.filter(
        (rule: { equivalentLinks?: object }) => rule.equivalentLinks,
      );
      expect(linked.length).toBeGreaterThan(0);
      for (const rule of linked) {
        for (const tool of Object.keys(rule.equivalentLinks))
          expect(rule.equivalents[tool]).toEqual(expect.any(String));
      }
    });

    it('lists rules for a terminal', () => {
      const run = cli(['rules'], work);
      expectExit(run, EXIT_CODES.ok);
      expect(run.stdout).toMatch(/base-image-latest-tag/);
      expect(run.stdout).toMatch(/\d+ rules\n$/);
    });
  });

  it('prints help and exits 0; an unknown option exits 2', () => {
    const help = cli(['--help'], work);
    expectExit(help, EXIT_CODES.ok);
    expect(help.stdout).toMatch(/--fail-below/);
    expect(cli(['--bogus'], work).code).toBe(EXIT_CODES.usageError);
  });
});
