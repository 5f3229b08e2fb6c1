import { findingsFor, lines } from '../../testing';

const RULE = 'full-os-base-image';

describe('full-os-base-image', () => {
  it.each([
    ['python:3.12', 'python:3.12-slim'],
    ['node:22', 'node:22-slim'],
    ['docker.io/library/ruby:3.3-bookworm', 'ruby:3.3-bookworm-slim'],
    ['python', 'python:<version>-slim'],
  ])('flags %s and suggests %s', async (image, suggestion) => {
    const findings = await findingsFor(
      RULE,
      lines(`FROM ${image}`, 'CMD ["x"]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain(suggestion);
    expect(findings[0].severity).toBe('info');
  });

  it.each(['ubuntu:24.04', 'debian:12', 'rockylinux:9'])(
    'flags the distribution %s as a runtime base',
    async image => {
      expect(await findingsFor(RULE, lines(`FROM ${image}`))).toHaveLength(1);
    },
  );

  it('looks only at what the final image is built on', async () => {
    const content = lines(
      'FROM python:3.12 AS build',
      'RUN pip wheel -w /wheels .',
      'FROM python:3.12-slim',
      'COPY --from=build /wheels /wheels',
    );
    expect(await findingsFor(RULE, content)).toEqual([]);
    const chained = lines('FROM node:22 AS base', 'FROM base', 'CMD ["node"]');
    expect(
      (await findingsFor(RULE, chained)).map(f => f.range.start.line),
    ).toEqual([1]);
  });

  it('resolves build arguments with known defaults', async () => {
    expect(
      await findingsFor(RULE, lines('ARG V=3.12', 'FROM python:${V}')),
    ).toHaveLength(1);
    expect(
      await findingsFor(RULE, lines('ARG V=3.12-slim', 'FROM python:${V}')),
    ).toEqual([]);
  });

  it.each([
    'python:3.12-slim',
    'node:22-alpine',
    'debian:12-slim',
    'scratch',
    'gcr.io/distroless/python3-debian12',
    'registry.access.redhat.com/ubi9/ubi-minimal',
    'mcr.microsoft.com/windows/servercore:ltsc2022',
    'mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022',
    'python@sha256:0000000000000000000000000000000000000000000000000000000000000000',
    'nginx:1.27',
    'ghcr.io/acme/python:3.12',
  ])('does not flag %s', async image => {
    expect(await findingsFor(RULE, lines(`FROM ${image}`))).toEqual([]);
  });

  it('does not flag an unknown build argument', async () => {
    expect(await findingsFor(RULE, lines('ARG V', 'FROM python:${V}'))).toEqual(
      [],
    );
  });

  it('leaves dev container images alone', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM ubuntu:24.04'),
        '.devcontainer/Dockerfile',
      ),
    ).toEqual([]);
  });
});
