import { classifyContainerFile } from '../classify/classifyContainerFile';
import { tooManyInstructions } from '../classify/instructionCount';
import { notAComposeFile, notADockerfile } from '../classify/definitionContent';
import type {
  AnalysisError,
  ContainerFileKind,
  LimitReached,
} from '../model/types';
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
  | { status: 'parsed'; file: ParsedFile; limitsReached?: LimitReached[] }
  | {
      status: 'could-not-analyse';
      kind?: ContainerFileKind;
      error: AnalysisError;
      limitsReached?: LimitReached[];
    }
  | { status: 'not-applicable'; kind?: ContainerFileKind };

/** The limits parsing honours (see `ScorecardLimits`). */
export interface ParseLimits {
  maxFileBytes: number;
  maxYamlAliasCount: number;
  maxYamlDocuments: number;
  maxDockerfileInstructions: number;
}

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
  limits: ParseLimits,
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
      const tooMany = tooManyInstructions(
        content,
        limits.maxDockerfileInstructions,
      );
      if (tooMany) return { status: 'could-not-analyse', kind, error: tooMany };
      const dockerfile = parseDockerfile(content, lineIndex, shellParser);
      const notDockerfile = notADockerfile(dockerfile);
      if (notDockerfile)
        return { status: 'could-not-analyse', kind, error: notDockerfile };
      return {
        status: 'parsed',
        file: { kind, path, content, lineIndex, dockerfile },
      };
    }
    const yaml = parseYamlDocuments(content, lineIndex, {
      maxAliasCount: limits.maxYamlAliasCount,
      maxDocuments: limits.maxYamlDocuments,
    });
    const limitsReached = yaml.ok
      ? yamlDocumentsLimit(yaml.omittedDocuments, limits.maxYamlDocuments)
      : undefined;
    if (kind === 'compose') {
      if (!yaml.ok)
        return { status: 'could-not-analyse', kind, error: yaml.error };
      const document = yaml.documents.find(
        d => d.value !== null && d.value !== undefined,
      );
      const notCompose = notAComposeFile(document);
      if (notCompose === 'include-only')
        return { status: 'not-applicable', kind };
      if (notCompose || !document)
        return {
          status: 'could-not-analyse',
          kind,
          error: notCompose ?? {
            code: 'not-a-definition',
            message: 'Not a compose file: the file is empty.',
          },
          ...(limitsReached ? { limitsReached } : {}),
        };
      const services = extractComposeServices(document);
      return {
        status: 'parsed',
        ...(limitsReached ? { limitsReached } : {}),
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
    if (workloads.length === 0) {
      // The workloads may all be in the documents left out: say so rather than skip the file.
      return limitsReached && looksLikeWorkload(content)
        ? {
            status: 'could-not-analyse',
            kind,
            error: {
              code: 'too-many-documents',
              message: `None of the first ${limits.maxYamlDocuments} YAML documents is a workload, and the ${yaml.omittedDocuments} after them were not analysed (limits.maxYamlDocuments).`,
            },
            limitsReached,
          }
        : { status: 'not-applicable', kind };
    }
    return {
      status: 'parsed',
      ...(limitsReached ? { limitsReached } : {}),
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

function yamlDocumentsLimit(
  omitted: number,
  maxYamlDocuments: number,
): LimitReached[] | undefined {
  if (omitted === 0) return undefined;
  return [
    {
      limit: 'yaml-documents',
      message: `Only the first ${maxYamlDocuments} YAML documents were analysed (limits.maxYamlDocuments): ${omitted} more ${
        omitted === 1 ? 'was' : 'were'
      } left out.`,
      omitted,
    },
  ];
}
