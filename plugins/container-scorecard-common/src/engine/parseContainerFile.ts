import { classifyContainerFile } from '../classify/classifyContainerFile';
import type { AnalysisError, ContainerFileKind } from '../model/types';
import { checkContentGuards } from '../parsing/contentGuards';
import { extractComposeServices } from '../parsing/compose/extractComposeServices';
import { DockerfileSyntaxError } from '../parsing/dockerfile/DockerfileSyntaxError';
import { parseDockerfile } from '../parsing/dockerfile/parseDockerfile';
import {
  extractWorkloads,
  KUBERNETES_WORKLOAD_KINDS,
} from '../parsing/kubernetes/extractWorkloads';
import type { ShellParser } from '../parsing/shell/createShellParser';
import { parseYamlDocuments } from '../parsing/yaml/parseYamlDocuments';
import type { ParsedFile } from '../rules/framework/ruleTypes';
import { LineIndex } from '../text/LineIndex';

export type ParseOutcome =
  | { status: 'parsed'; file: ParsedFile }
  | {
      status: 'could-not-analyse';
      kind?: ContainerFileKind;
      error: AnalysisError;
    }
  | { status: 'not-applicable'; kind?: ContainerFileKind };

const WORKLOAD_KIND_LINE = new RegExp(
  `^kind:\\s*["']?(${KUBERNETES_WORKLOAD_KINDS.join('|')})["']?\\s*$`,
  'm',
);

/** A YAML file that does not parse is only "could not analyse" if it claims to be a workload. */
function looksLikeWorkload(content: string): boolean {
  return /^apiVersion:/m.test(content) && WORKLOAD_KIND_LINE.test(content);
}

/** Classifies, guards and parses one file. Never throws. */
export function parseContainerFile(
  path: string,
  content: string,
  shellParser: ShellParser,
  limits: { maxFileBytes: number; maxYamlAliasCount: number },
): ParseOutcome {
  const classification = classifyContainerFile(path);
  if (!classification) return { status: 'not-applicable' };
  const kind: ContainerFileKind =
    classification === 'kubernetes-candidate' ? 'kubernetes' : classification;
  const guard = checkContentGuards(content, limits.maxFileBytes);
  if (guard) {
    return classification === 'kubernetes-candidate' &&
      !looksLikeWorkload(content.slice(0, 65536))
      ? { status: 'not-applicable', kind }
      : { status: 'could-not-analyse', kind, error: guard };
  }
  const lineIndex = new LineIndex(content);
  try {
    if (kind === 'dockerfile') {
      const dockerfile = parseDockerfile(content, lineIndex, shellParser);
      return {
        status: 'parsed',
        file: { kind, path, content, lineIndex, dockerfile },
      };
    }
    const yaml = parseYamlDocuments(
      content,
      lineIndex,
      limits.maxYamlAliasCount,
    );
    if (kind === 'compose') {
      if (!yaml.ok)
        return { status: 'could-not-analyse', kind, error: yaml.error };
      const document = yaml.documents.find(
        d => d.value !== null && d.value !== undefined,
      );
      if (!document) return { status: 'not-applicable', kind };
      const services = extractComposeServices(document);
      return {
        status: 'parsed',
        file: {
          kind,
          path,
          content,
          lineIndex,
          compose: { document, services },
        },
      };
    }
    if (!yaml.ok) {
      return looksLikeWorkload(content)
        ? { status: 'could-not-analyse', kind, error: yaml.error }
        : { status: 'not-applicable', kind };
    }
    const workloads = extractWorkloads(yaml.documents);
    if (workloads.length === 0) return { status: 'not-applicable', kind };
    return {
      status: 'parsed',
      file: {
        kind,
        path,
        content,
        lineIndex,
        kubernetes: { documents: yaml.documents, workloads },
      },
    };
  } catch (error) {
    if (error instanceof DockerfileSyntaxError) {
      return {
        status: 'could-not-analyse',
        kind,
        error: { code: 'parse-error', message: error.message },
      };
    }
    return {
      status: 'could-not-analyse',
      kind,
      error: {
        code: 'internal-error',
        message: `The parser failed: ${String(
          (error as Error)?.message ?? error,
        )}`,
      },
    };
  }
}
