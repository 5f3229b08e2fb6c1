import { createTestEngine, findingsFor, lines } from '../../testing';

const RULE = 'base-image-latest-tag';

describe('base-image-latest-tag', () => {
  it('flags an explicit :latest with the range of the image', async () => {
    const findings = await findingsFor(
      RULE,
      lines('FROM node:latest', 'CMD ["node"]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].range).toEqual({
      start: { line: 1, column: 6 },
      end: { line: 1, column: 17 },
    });
    expect(findings[0].snippet).toBe('node:latest');
  });

  it('flags :latest reached through a global ARG default, and says so', async () => {
    const findings = await findingsFor(
      RULE,
      lines('ARG TAG=latest', 'FROM node:${TAG} AS build'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('node:latest');
    expect(findings[0].snippet).toBe('node:${TAG}');
  });

  it('flags every stage on latest, with a registry and a platform flag', async () => {
    const findings = await findingsFor(
      RULE,
      lines(
        'FROM --platform=$BUILDPLATFORM ghcr.io/acme/builder:latest AS build',
        'FROM registry.local:5000/app:latest',
      ),
    );
    expect(findings.map(f => f.range.start.line)).toEqual([1, 2]);
  });

  it.each([
    ['a pinned tag', lines('FROM node:22-slim')],
    [
      'latest pinned by digest',
      lines(`FROM node:latest@sha256:${'a'.repeat(64)}`),
    ],
    ['scratch', lines('FROM scratch')],
    ['a stage alias', lines('FROM node:22 AS latest', 'FROM latest')],
    [
      'an ARG without default (unknown until build)',
      lines('ARG TAG', 'FROM node:${TAG}'),
    ],
    [
      'an ARG declared after FROM (not in scope of FROM)',
      lines('FROM node:${TAG:-22}', 'ARG TAG=latest'),
    ],
    ['a release channel', lines('FROM nginx:stable-alpine')],
    ['a dated nightly', lines('FROM rustlang/rust:nightly-2024-05-01')],
    ['a fragment without FROM', lines('RUN echo latest')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it.each([
    ['a latest variant', 'node:latest-slim'],
    ['a branch build', 'ghcr.io/acme/base:main'],
    ['a nightly toolchain', 'rustlang/rust:nightly'],
    ['an edge release line', 'alpine:edge'],
  ])('flags %s by default, saying why it moves', async (_name, image) => {
    const findings = await findingsFor(RULE, lines(`FROM ${image}`));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('moves with every build');
  });

  it('reports only latest when flagMovingTags is off', async () => {
    const engine = await createTestEngine({
      config: { rules: { [RULE]: { options: { flagMovingTags: false } } } },
    });
    const result = engine.analyzeFile({
      path: 'Dockerfile',
      content: lines(
        'FROM alpine:edge AS a',
        'FROM node:latest-slim',
        'FROM node:latest',
      ),
    });
    expect(
      result.findings
        .filter(f => f.ruleId === RULE)
        .map(f => f.range.start.line),
    ).toEqual([3]);
  });
});
