import { analyze, createTestEngine, lines } from '../../testing';
import { LineIndex } from '../../text/LineIndex';
import type { ParsedDockerfile } from '../../rules/framework/ruleTypes';
import { defineRule } from '../../rules/framework/defineRule';
import type { DockerfileModel } from './dockerfileTypes';

/** Captures the model the engine builds, through a rule: the way rules will see it. */
async function modelOf(content: string): Promise<DockerfileModel> {
  let captured: DockerfileModel | undefined;
  const spy = defineRule({
    id: 'test-model-spy',
    pillar: 'simplicity',
    severity: 'info',
    appliesTo: ['dockerfile'],
    title: 't',
    message: 'm',
    rationale: 'r',
    remediation: { description: 'd', before: 'b', after: 'a' },
    equivalents: {},
    check({ file }: { file: ParsedDockerfile }) {
      captured = file.dockerfile;
      return [];
    },
  });
  const engine = await createTestEngine({ extraRules: [spy] });
  engine.analyzeFile({ path: 'Dockerfile', content });
  return captured!;
}

describe('parseDockerfile', () => {
  it('parses the shell of ONBUILD RUN triggers in place', async () => {
    const model = await modelOf(
      lines(
        'FROM node:22',
        'ONBUILD RUN npm ci && \\',
        '    npm run build',
        'ONBUILD COPY . .',
      ),
    );
    const [, onbuildRun, onbuildCopy] = model.instructions;
    expect(onbuildRun.keyword).toBe('ONBUILD');
    expect(onbuildRun.onbuildTrigger).toBe('RUN');
    expect(onbuildRun.form).toBe('shell');
    expect(
      onbuildRun.shell.commands.map(c => [c.program, c.range.start]),
    ).toEqual([
      ['npm', { line: 2, column: 13 }],
      ['npm', { line: 3, column: 5 }],
    ]);
    expect(onbuildCopy.onbuildTrigger).toBe('COPY');
    expect(onbuildCopy.shell.commands).toEqual([]);
  });

  it('builds stages, resolves global ARGs in FROM and links stage references', async () => {
    const model = await modelOf(
      lines(
        'ARG REG=ghcr.io/acme',
        'ARG V=1.2',
        'FROM ${REG}/base:${V} AS Base',
        'ARG V=9',
        'RUN echo',
        'FROM base AS final',
        'USER app',
      ),
    );
    expect(model.globalArgs).toEqual({ REG: 'ghcr.io/acme', V: '1.2' });
    expect(
      model.stages.map(s => [
        s.name,
        s.from.image,
        s.from.registry,
        s.from.tag,
        s.from.baseStageIndex,
        s.isFinal,
      ]),
    ).toEqual([
      ['Base', 'ghcr.io/acme/base:1.2', 'ghcr.io', '1.2', undefined, false],
      ['final', 'base', undefined, undefined, 0, true],
    ]);
    expect(model.finalStage?.instructions.map(i => i.keyword)).toEqual([
      'USER',
    ]);
    // Inside a stage, variables follow the stage's own ARG/ENV.
    expect(model.resolve('v$V', 5)).toEqual({ value: 'v9', unresolved: [] });
    expect(model.resolve('${V:-none}', 7)).toEqual({
      value: 'none',
      unresolved: [],
    });
  });

  it('expands global ARG defaults that name earlier ARGs, once, as the builder does', async () => {
    const model = await modelOf(
      lines(
        'ARG BASE_IMAGE=ubuntu:24.04',
        'ARG BUILDER_BASE_IMAGE=${BASE_IMAGE}',
        'ARG CHAIN=$BUILDER_BASE_IMAGE',
        'ARG WITH_DEFAULT=${NOT_DECLARED:-debian:12}',
        'ARG FREE',
        'ARG UNKNOWN=${FREE}',
        'ARG LATER=${DECLARED_AFTER}',
        'ARG DECLARED_AFTER=alpine:3.20',
        'FROM ${BUILDER_BASE_IMAGE} AS builder',
        'FROM ${CHAIN} AS chained',
        'FROM ${WITH_DEFAULT} AS defaulted',
        'FROM ${UNKNOWN} AS unknown',
        'FROM ${LATER}',
      ),
    );
    expect(
      model.stages.map(s => [s.from.image, s.from.unresolvedVariables]),
    ).toEqual([
      ['ubuntu:24.04', []],
      ['ubuntu:24.04', []],
      ['debian:12', []],
      // A default built from an ARG without a known value is unknown, not empty.
      ['', ['UNKNOWN']],
      // Only ARGs declared before the default are in scope (Docker expands in order).
      ['', ['LATER']],
    ]);
  });

  it('reports 1-based ranges that point at the text in the file', async () => {
    const content = lines(
      'FROM debian:12',
      'RUN --mount=type=cache,target=/var/cache/apt \\',
      '    apt-get update',
    );
    const model = await modelOf(content);
    const run = model.instructions[1];
    expect(run.range).toEqual({
      start: { line: 2, column: 1 },
      end: { line: 3, column: 19 },
    });
    expect(run.flags).toEqual([
      {
        name: 'mount',
        value: 'type=cache,target=/var/cache/apt',
        range: expect.anything(),
      },
    ]);
    const [command] = run.shell.commands;
    expect(new LineIndex(content).textOf(command.range)).toBe('apt-get update');
  });

  it('reads an empty JSON array (`CMD []`, which resets the command) as the exec form', async () => {
    const model = await modelOf(
      lines('FROM debian:12', 'ENTRYPOINT []', 'CMD [ ]', 'CMD [foo]'),
    );
    expect(model.instructions.slice(1).map(i => i.form)).toEqual([
      'exec',
      'exec',
      'shell',
    ]);
    expect(model.instructions[1].execArguments).toEqual([]);
    expect(model.instructions[1].shell.commands).toEqual([]);
  });

  it('decodes exec-form arguments and parses an exec-form sh -c script in place', async () => {
    const content = lines(
      'FROM debian:12',
      'CMD ["sh", "-c", "echo \\"hi\\" && exec nginx -g \'daemon off;\'"]',
    );
    const model = await modelOf(content);
    const cmd = model.instructions[1];
    expect(cmd.form).toBe('exec');
    expect(cmd.execArguments?.map(a => a.value)).toEqual([
      'sh',
      '-c',
      `echo "hi" && exec nginx -g 'daemon off;'`,
    ]);
    expect(
      cmd.shell.commands.map(c => [c.program, c.wrappers, c.depth]),
    ).toEqual([
      ['sh', [], 0],
      ['echo', [], 1],
      ['nginx', ['exec'], 1],
    ]);
    expect(
      new LineIndex(content).textOf(cmd.shell.commands[2].nameWord.range),
    ).toBe('nginx');
  });

  it('honours the escape directive for continuations', async () => {
    const model = await modelOf(
      lines(
        '# escape=`',
        'FROM mcr.microsoft.com/windows/servercore:ltsc2022',
        'RUN echo a && `',
        '    echo b',
      ),
    );
    expect(model.escapeChar).toBe('`');
    expect(
      model.instructions[1].shell.commands.map(c => c.range.start.line),
    ).toEqual([3, 4]);
  });

  it('parses a fragment without FROM', async () => {
    const model = await modelOf(lines('RUN make && make install', 'USER 1000'));
    expect(model.stages).toEqual([]);
    expect(model.finalStage).toBeUndefined();
    expect(model.instructions.map(i => [i.keyword, i.stageIndex])).toEqual([
      ['RUN', -1],
      ['USER', -1],
    ]);
  });

  it('does not parse a python heredoc as shell', async () => {
    const model = await modelOf(
      lines(
        'FROM python:3.12',
        'RUN <<EOF',
        '#!/usr/bin/env python3',
        'import os | x',
        'EOF',
      ),
    );
    expect(model.instructions[1].shell.commands).toEqual([]);
  });

  it('keeps analysing files with CRLF line endings', async () => {
    const result = await analyze(
      'FROM node:latest\r\nRUN apt-get install -y curl \\\r\n  git\r\n',
    );
    expect(result.findings.map(f => [f.ruleId, f.range.start.line])).toEqual(
      expect.arrayContaining([
        ['base-image-latest-tag', 1],
        ['apt-get-missing-no-install-recommends', 2],
      ]),
    );
  });
});
