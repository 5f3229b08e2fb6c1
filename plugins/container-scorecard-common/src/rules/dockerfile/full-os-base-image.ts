import type { DockerFrom } from '../../parsing/dockerfile/dockerfileTypes';
import { defineRule } from '../framework/defineRule';
import { rootStage } from './helpers/dockerfileScope';

/** Official language images that publish a slim and/or alpine variant, and what to suggest. */
const LANGUAGE_IMAGES: Record<string, string> = {
  python: '-slim',
  node: '-slim',
  ruby: '-slim',
  perl: '-slim',
  php: '-alpine',
  elixir: '-slim',
  erlang: '-slim',
};
/** Full distributions: a runtime rarely needs all of them. */
const DISTRIBUTIONS = new Set([
  'debian',
  'ubuntu',
  'fedora',
  'centos',
  'rockylinux',
  'almalinux',
  'amazonlinux',
  'oraclelinux',
]);
/** Tags that are already a small variant (or Windows, where the advice does not apply). */
const SMALL_TAG =
  /slim|alpine|minimal|micro|distroless|busybox|nanoserver|windowsservercore|ltsc/;

function dockerHubName(from: DockerFrom): string | undefined {
  if (from.registry && from.registry !== 'docker.io') return undefined;
  return from.repository.replace(/^library\//, '').toLowerCase();
}

/**
 * Flags a final image built on a full distribution or a full language image when a slim,
 * alpine or distroless variant exists: `python:3.12` rather than `python:3.12-slim`, `ubuntu`.
 * scratch, distroless, `*-slim`, `*-alpine`, Windows and images from other registries are not
 * flagged; neither are tags from unknown build arguments or digest-only references.
 */
export const fullOsBaseImage = defineRule({
  id: 'full-os-base-image',
  pillar: 'minimal',
  severity: 'info',
  appliesTo: ['dockerfile'],
  title: 'Final image on a full OS base',
  message:
    'The final image is built on a full distribution image: a slim, alpine or distroless base would carry far less.',
  rationale:
    'The base image is most of what a container ships. A full distribution image brings compilers, shells, package managers and documentation that the process never uses, but every one of them is pulled on each node, scanned, and patched when a CVE lands. A slim or distroless base keeps the image close to the process it runs. Sometimes the full image is needed (native build dependencies): then build on it in an earlier stage and ship on a small one.',
  remediation: {
    description:
      'Use the slim/alpine variant of the same version, or distroless; install the few runtime libraries you need explicitly.',
    before: 'FROM python:3.12\nCOPY . /app\nCMD ["python", "/app/main.py"]',
    after: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]',
  },
  equivalents: {},
  check({ file }) {
    // A dev container is a workstation image: SDKs and tools are its purpose.
    if (/(^|\/)\.devcontainer\//.test(file.path)) return [];
    const model = file.dockerfile;
    const stage = model.finalStage;
    if (!stage) return [];
    const { from } = rootStage(model, stage);
    if (from.isScratch || from.unresolvedVariables.length > 0) return [];
    if (from.digest && !from.tag) return [];
    const name = dockerHubName(from);
    if (!name) return [];
    const tag = (from.tag ?? 'latest').toLowerCase();
    if (SMALL_TAG.test(tag)) return [];
    const suffix = LANGUAGE_IMAGES[name];
    if (suffix) {
      const suggestion = `${name}:${from.tag ?? '<version>'}${suffix}`;
      return [
        {
          range: from.imageRange,
          message: `The final image is built on the full ${name} image: ${suggestion} (or distroless) would carry far less.`,
        },
      ];
    }
    if (DISTRIBUTIONS.has(name))
      return [
        {
          range: from.imageRange,
          message: `The final image is built on a full ${name} distribution: use a slim or distroless base for the runtime.`,
        },
      ];
    return [];
  },
});
