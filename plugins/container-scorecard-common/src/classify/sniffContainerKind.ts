import type { ContainerFileKind } from '../model/types';
import { DOCKERFILE_INSTRUCTIONS } from './definitionContent';
import { looksLikeComposeHead } from './looksLikeCompose';
import { looksLikeKubernetesWorkload } from './looksLikeKubernetesWorkload';

/** The first word of a line, when it is a Dockerfile instruction and not a YAML key. */
function startsWithInstruction(line: string): boolean {
  if (/^[A-Za-z]+:/.test(line)) return false;
  const word = /^([A-Za-z]+)(\s|$)/.exec(line)?.[1];
  return word !== undefined && DOCKERFILE_INSTRUCTIONS.has(word.toUpperCase());
}

/**
 * Guesses what a file is from its head, whatever its name (`hadolint-case-12.txt`, `stack.yml`,
 * standard input): a Dockerfile when its first significant line is an instruction, Kubernetes
 * when it has top-level `apiVersion:` and `kind:`, compose when `looksLikeComposeHead` says so.
 *
 * @public
 */
export function sniffContainerKind(
  head: string,
): ContainerFileKind | undefined {
  for (const rawLine of head.split(/\r?\n/)) {
    const line = rawLine.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#') || line === '---') continue;
    if (startsWithInstruction(line)) return 'dockerfile';
    break;
  }
  if (/^apiVersion:/m.test(head) && /^kind:/m.test(head)) return 'kubernetes';
  if (looksLikeComposeHead(head)) return 'compose';
  return undefined;
}

/**
 * Which kind of definition the head of a YAML file too large to read whole claims to be, if it
 * is worth reporting as oversized: a Kubernetes workload manifest or a compose file. Any other
 * big YAML file (CRD bundles, OpenAPI specs, test data) is left out silently.
 *
 * @public
 */
export function oversizedYamlKind(
  head: string,
): 'kubernetes' | 'compose' | undefined {
  if (looksLikeKubernetesWorkload(head)) return 'kubernetes';
  if (looksLikeComposeHead(head)) return 'compose';
  return undefined;
}
