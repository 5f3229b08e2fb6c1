import { createTestEngine, findingsFor, lines } from '../../testing';

const RULE = 'compiled-stack-without-multi-stage';

describe('compiled-stack-without-multi-stage', () => {
  it.each([
    'golang:1.23',
    'docker.io/library/golang:1.23-alpine',
    'rust:1.82-slim',
    'maven:3.9-eclipse-temurin-21',
    'gradle:8-jdk21',
    'eclipse-temurin:21',
    'eclipse-temurin:21-jdk-jammy',
    'openjdk:17-jdk-slim',
    'mcr.microsoft.com/dotnet/sdk:8.0',
    'golang@sha256:0000000000000000000000000000000000000000000000000000000000000000',
  ])('flags a single stage on %s', async image => {
    const findings = await findingsFor(
      RULE,
      lines(`FROM ${image}`, 'COPY . /src', 'RUN make', 'CMD ["/app"]'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0].range.start.line).toBe(1);
  });

  it('flags node only when the Dockerfile runs a build', async () => {
    expect(
      await findingsFor(
        RULE,
        lines(
          'FROM node:22',
          'COPY . .',
          'RUN npm ci && npm run build',
          'CMD ["node", "dist/main.js"]',
        ),
      ),
    ).toHaveLength(1);
    expect(
      await findingsFor(
        RULE,
        lines(
          'FROM node:22',
          'RUN set -eux; \\',
          '    yarn install; yarn build',
        ),
      ),
    ).toHaveLength(1);
    expect(
      await findingsFor(
        RULE,
        lines(
          'FROM node:22-slim',
          'RUN npm ci --omit=dev',
          'CMD ["node", "server.js"]',
        ),
      ),
    ).toEqual([]);
  });

  it.each([
    [
      'a multi-stage build',
      lines(
        'FROM golang:1.23 AS build',
        'RUN go build -o /app',
        'FROM gcr.io/distroless/static',
        'COPY --from=build /app /app',
      ),
    ],
    [
      'a JRE image',
      lines('FROM eclipse-temurin:21-jre', 'COPY app.jar /app.jar'),
    ],
    [
      'a runtime image',
      lines('FROM mcr.microsoft.com/dotnet/aspnet:8.0', 'COPY out/ /app'),
    ],
    [
      'python',
      lines('FROM python:3.12', 'RUN pip install -r requirements.txt'),
    ],
    ['scratch', lines('FROM scratch', 'COPY app /app')],
    [
      'an unknown JDK tag from a build argument',
      lines('ARG T', 'FROM eclipse-temurin:${T}'),
    ],
    ['a fragment', lines('RUN go build')],
  ])('does not flag %s', async (_name, content) => {
    expect(await findingsFor(RULE, content)).toEqual([]);
  });

  it('leaves dev container images alone', async () => {
    expect(
      await findingsFor(
        RULE,
        lines('FROM mcr.microsoft.com/dotnet/sdk:8.0'),
        '.devcontainer/Dockerfile',
      ),
    ).toEqual([]);
  });

  const GO = lines(
    'FROM golang:1.23',
    'COPY . .',
    'RUN go build -o /app',
    'CMD ["/app"]',
  );

  it.each([
    'tools/.devcontainer/Dockerfile',
    'ci/Dockerfile',
    '.github/actions/lint/Dockerfile',
    'projects/parser/fuzz/Dockerfile',
    'windows-builder/ltsc2022/Dockerfile',
    'Dockerfile.build',
    'docker/Dockerfile.ci',
    'Containerfile-builder',
    'fuzz.Dockerfile',
    'hack/develop/Dockerfile',
  ])('recognises %s as a toolchain image by its name', async path => {
    expect(await findingsFor(RULE, GO, path)).toEqual([]);
  });

  it.each([
    'Dockerfile',
    'build/package/Dockerfile',
    'agent/Dockerfile',
    'services/builder-api/Dockerfile',
    'Dockerfile.prod',
  ])('still flags %s: nothing in the name says toolchain', async path => {
    const findings = await findingsFor(RULE, GO, path);
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('toolchainImages');
  });

  it('takes further toolchain images from the toolchainImages option', async () => {
    const engine = await createTestEngine({
      config: {
        rules: {
          [RULE]: { options: { toolchainImages: ['images/**/Dockerfile'] } },
        },
      },
    });
    const ruleFindings = (path: string) =>
      engine
        .analyzeFile({ path, content: GO })
        .findings.filter(f => f.ruleId === RULE);
    expect(ruleFindings('images/jenkins-agent/Dockerfile')).toEqual([]);
    expect(ruleFindings('services/api/Dockerfile')).toHaveLength(1);
  });
});
