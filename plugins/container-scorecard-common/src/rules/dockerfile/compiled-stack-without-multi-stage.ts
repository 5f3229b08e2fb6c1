import type { DockerFrom } from '../../parsing/dockerfile/dockerfileTypes';
import { pathMatches } from '../../suppressions/applySuppressions';
import { defineRule } from '../framework/defineRule';

/** Purposes a file or folder name gives an image whose job is the toolchain itself. */
const TOOLCHAIN_PURPOSE =
  'dev|devel|develop|development|devcontainer|build|builder|ci|test|tests|fuzz|fuzzer|fuzzers|fuzzing|toolchain|sdk|tools';
/**
 * Folders that hold toolchain images: dev containers, CI configuration, fuzzers, builders. Not
 * `build/`, `agent/` or `tools/`: Go projects keep their production Dockerfile in `build/`, and a
 * product's agent is a service.
 */
const TOOLCHAIN_FOLDER = new RegExp(
  `^(\\.?(dev|devel|develop|development|devcontainer|builder|builders|ci|test|tests|testdata|fuzz|fuzzer|fuzzers|fuzzing|toolchain|toolchains)|\\.github|\\.gitlab|\\.circleci|\\.buildkite|oss-fuzz|.+[-_](builder|fuzz|fuzzer|devcontainer))$`,
  'i',
);
/** `Dockerfile.ci`, `Containerfile-builder`, `fuzz.Dockerfile`, `dev.containerfile`. */
const TOOLCHAIN_FILE = new RegExp(
  `^((docker|container)file[._-](${TOOLCHAIN_PURPOSE})|(${TOOLCHAIN_PURPOSE})\\.(docker|container)file)$`,
  'i',
);

/**
 * True when the path says the image is a toolchain (a dev container, a CI or build agent, a
 * fuzzer), whose compilers are its purpose: by a folder or file name, or by the rule's
 * `toolchainImages` option.
 */
export function isToolchainImagePath(
  path: string,
  patterns: readonly string[],
): boolean {
  const segments = path.replace(/\\/g, '/').split('/');
  const name = segments.pop() ?? '';
  return (
    TOOLCHAIN_FILE.test(name) ||
    segments.some(segment => TOOLCHAIN_FOLDER.test(segment)) ||
    patterns.some(pattern => pathMatches(path, pattern))
  );
}

/** Commands that build a front-end or TypeScript bundle on a node image. */
const NODE_BUILD = /^(build|compile|dist|bundle)(:.*)?$/;

/** The repository name without registry and `library/`: `docker.io/library/golang` gives `golang`. */
function repoName(from: DockerFrom): string {
  return from.repository.replace(/^library\//, '').toLowerCase();
}

/**
 * What SDK a base image is, when it is a compiler or SDK image rather than a runtime one.
 * JDK images count unless their tag says JRE; a node image counts only with a build command.
 */
function sdkOf(from: DockerFrom): string | undefined {
  const name = repoName(from);
  const tag = (from.tag ?? '').toLowerCase();
  const last = name.split('/').pop() as string;
  if (['golang', 'rust', 'maven', 'gradle', 'gcc', 'sbt'].includes(name))
    return name;
  if (
    ['openjdk', 'eclipse-temurin', 'amazoncorretto', 'sapmachine'].includes(
      name,
    )
  ) {
    if (from.unresolvedVariables.length > 0 || /jre/.test(tag))
      return undefined;
    return `${name} (JDK)`;
  }
  if (/(^|\/)dotnet\/(core\/)?sdk$/.test(name)) return 'dotnet/sdk';
  if (last === 'node') return 'node';
  return undefined;
}

/**
 * Flags a single-stage Dockerfile whose only stage is built on a compiler or SDK image (Go,
 * Rust, Maven, Gradle, a JDK, the .NET SDK; node when the Dockerfile runs a build script):
 * the compiler, its caches and the sources ship with the application.
 */
export const compiledStackWithoutMultiStage = defineRule({
  id: 'compiled-stack-without-multi-stage',
  pillar: 'minimal',
  severity: 'medium',
  appliesTo: ['dockerfile'],
  title: 'Compiled stack built without a multi-stage build',
  message:
    'The image is built and shipped on an SDK image: compile in a build stage and copy only the result into a runtime image.',
  rationale:
    'A compiled service needs its compiler once, at build time. Shipping the SDK image means the running container carries compilers, package caches, sources and build tools: hundreds of megabytes to pull on every scale-out, and a far larger set of packages for scanners to flag and for an intruder to use. A multi-stage build keeps the recipe in one file and ships only the binary or bundle on a small runtime base. Some images exist for their toolchain: dev containers, CI and build agents, fuzzers, SDK images. Those are recognised by their path (`.devcontainer/`, `ci/`, `fuzz/`, `*-builder/`, `Dockerfile.build`, `Dockerfile.ci`, `dev.Dockerfile`, …); for any other, list its path in the `toolchainImages` option, or waive the finding in the file with a reason.',
  remediation: {
    description:
      'Build in a first stage, then start a second FROM on a runtime image (distroless, alpine, a JRE, aspnet/runtime) and COPY --from the build output.',
    before:
      'FROM golang:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /app ./cmd/server\nCMD ["/app"]',
    after:
      'FROM golang:1.23 AS build\nWORKDIR /src\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /app ./cmd/server\n\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nCMD ["/app"]',
  },
  equivalents: {},
  equivalentsNote:
    'No peer has this check: hadolint, Trivy and Checkov do not look at what a single stage is built on.',
  options: {
    toolchainImages: {
      type: 'string[]',
      default: [],
      description:
        'Path patterns (`*` within a folder, `**` across folders, as in waivers) of Dockerfiles whose image is a toolchain on purpose: build agents, fuzzers, CI runners, SDK images. Dev containers and files or folders named for such a purpose (`.devcontainer/`, `ci/`, `fuzz/`, `*-builder/`, `Dockerfile.build`, `Dockerfile.ci`, `dev.Dockerfile`, …) are recognised without it.',
    },
  },
  check({ file, options }) {
    // A dev container, build agent or fuzzer ships its compilers on purpose.
    if (isToolchainImagePath(file.path, options.toolchainImages)) return [];
    const model = file.dockerfile;
    if (model.stages.length !== 1) return [];
    const stage = model.stages[0];
    const sdk = sdkOf(stage.from);
    if (!sdk) return [];
    if (sdk === 'node') {
      const builds = stage.instructions.some(
        i =>
          i.keyword === 'RUN' &&
          i.shell.commands.some(c => {
            const [first, second] = c.args.map(a => a.value);
            if (['npm', 'yarn', 'pnpm', 'bun'].includes(c.program))
              return (
                (first === 'run' && NODE_BUILD.test(second ?? '')) ||
                (c.program !== 'npm' && NODE_BUILD.test(first ?? ''))
              );
            return (
              c.program === 'tsc' || (c.program === 'ng' && first === 'build')
            );
          }),
      );
      if (!builds) return [];
    }
    return [
      {
        range: stage.from.instruction.range,
        message: `The only stage is built on ${sdk}: compile in a build stage and copy only the result into a runtime image. If the toolchain is this image's purpose (a build agent, fuzzer, dev container), list its path in the rule's toolchainImages option.`,
      },
    ];
  },
});
