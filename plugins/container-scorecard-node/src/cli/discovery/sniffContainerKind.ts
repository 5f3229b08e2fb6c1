import type { ContainerFileKind } from '@internal/plugin-container-scorecard-common';

const DOCKERFILE_KEYWORD =
  /^(FROM|ARG|RUN|CMD|ENTRYPOINT|COPY|ADD|ENV|LABEL|EXPOSE|USER|WORKDIR|VOLUME|SHELL|HEALTHCHECK|STOPSIGNAL|ONBUILD|MAINTAINER)(\s|$)/i;

/**
 * Guesses what a file is from its first lines, for files the user named explicitly whatever their
 * name (`hadolint-case-12.txt`, `stack.yml`): a Dockerfile instruction first, or a compose file
 * (`services:` at the top level without `apiVersion:`), or a Kubernetes manifest.
 */
export function sniffContainerKind(
  head: string,
): ContainerFileKind | undefined {
  for (const rawLine of head.split(/\r?\n/)) {
    const line = rawLine.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#') || line === '---') continue;
    if (DOCKERFILE_KEYWORD.test(line) && !/^[A-Za-z]+:/.test(line))
      return 'dockerfile';
    break;
  }
  const hasApiVersion = /^apiVersion:/m.test(head);
  if (hasApiVersion && /^kind:/m.test(head)) return 'kubernetes';
  if (/^services:/m.test(head)) return 'compose';
  return undefined;
}
