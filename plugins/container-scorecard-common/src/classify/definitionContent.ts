import type { AnalysisError } from '../model/types';
import type { DockerfileModel } from '../parsing/dockerfile/dockerfileTypes';
import type { YamlDocumentModel } from '../parsing/yaml/parseYamlDocuments';

/**
 * The instructions of the Dockerfile reference. The parser reads any line's first word as a
 * keyword (a README's "This file..." becomes a `THIS` instruction), so this list is what tells a
 * Dockerfile from text that merely carries its name.
 */
export const DOCKERFILE_INSTRUCTIONS: ReadonlySet<string> = new Set([
  'ADD',
  'ARG',
  'CMD',
  'COPY',
  'ENTRYPOINT',
  'ENV',
  'EXPOSE',
  'FROM',
  'HEALTHCHECK',
  'LABEL',
  'MAINTAINER',
  'ONBUILD',
  'RUN',
  'SHELL',
  'STOPSIGNAL',
  'USER',
  'VOLUME',
  'WORKDIR',
]);

/**
 * Why a file named like a Dockerfile is not one: it holds no Dockerfile instruction (it is empty,
 * only comments and parser directives, or plain text). Scoring it would give a pass for nothing.
 * A fragment with any instruction (RUN lines kept for an include, no FROM) is a Dockerfile.
 */
export function notADockerfile(
  dockerfile: Pick<DockerfileModel, 'instructions'>,
): AnalysisError | undefined {
  if (dockerfile.instructions.some(i => DOCKERFILE_INSTRUCTIONS.has(i.keyword)))
    return undefined;
  return {
    code: 'not-a-definition',
    message: 'Not a Dockerfile: no Dockerfile instruction found.',
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What a file named like a compose file holds instead of services, if it holds none.
 * - `undefined`: it defines services, analyse it;
 * - `'include-only'`: a real compose file that only includes others (`include:`); the included
 *   files are analysed on their own, so this one is not a definition of its own, nor an error;
 * - an error: empty, a list, a scalar, `version:` alone, an empty `services:`. Never a pass.
 */
export function notAComposeFile(
  document: YamlDocumentModel | undefined,
): AnalysisError | 'include-only' | undefined {
  const root = document?.value;
  const services = isRecord(root) ? root.services : undefined;
  if (isRecord(services) && Object.keys(services).length > 0) return undefined;
  if (isRecord(root) && root.include !== undefined && services === undefined)
    return 'include-only';
  return {
    code: 'not-a-definition',
    message: `Not a compose file: ${composeProblem(root, services)}.`,
  };
}

function composeProblem(root: unknown, services: unknown): string {
  if (root === undefined || root === null) return 'the file is empty';
  if (!isRecord(root))
    return `the file holds a ${
      Array.isArray(root) ? 'list' : 'single value'
    }, not a mapping with services`;
  if (services === undefined) return 'no "services" mapping found';
  if (services === null || isRecord(services))
    return 'its "services" mapping defines no service';
  return '"services" is not a mapping of services';
}
