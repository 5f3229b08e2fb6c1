import { classifyContainerFile } from '../classify/classifyContainerFile';
import { tooManyInstructions } from '../classify/instructionCount';
import { notAComposeFile, notADockerfile } from '../classify/definitionContent';
import { looksLikeComposeDocument } from '../classify/looksLikeCompose';
import { looksLikeKubernetesWorkload } from '../classify/looksLikeKubernetesWorkload';
import { oversizedYamlKind } from '../classify/sniffContainerKind';
import type {
  AnalysisError,
  ContainerFileKind,
  LimitReached,
} from '../model/types';
import { checkContentGuards } from '../parsing/contentGuards';
import { extractComposeServices } from '../parsing/compose/extractComposeServices';
import { DockerfileSyntaxError } from '../parsing/dockerfile/DockerfileSyntaxError';
import { parseDockerfile } from '../parsing/dockerfile/parseDockerfile';
import { extractWorkloads } from '../parsing/kubernetes/extractWorkloads';
import type { ShellParser } from '../parsing/shell/createShellParser';
import {
  parseYamlDocuments,
  type YamlDocumentModel,
} from '../parsing/yaml/parseYamlDocuments';
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
    if (classification !== 'kubernetes-candidate')
      return { status: 'could-not-analyse', kind, error: guard };
    // Only a YAML file whose head claims a workload or a compose file is worth reporting.
    const claimed = oversizedYamlKind(content.slice(0, 65536));
    return claimed
      ? { status: 'could-not-analyse', kind: claimed, error: guard }
      : { status: 'not-applicable', kind };
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
      return composeOutcome(path, content, lineIndex, document, limitsReached);
    }
    if (!yaml.ok) {
      return looksLikeKubernetesWorkload(content)
        ? { status: 'could-not-analyse', kind, error: yaml.error }
        : { status: 'not-applicable', kind };
    }
    const workloads = extractWorkloads(yaml.documents);
    // A compose file under a name of its own (`stack.yml`): told by its content, parsed once.
    const composeDocument =
      workloads.length === 0 ? composeByContent(yaml.documents) : undefined;
    if (composeDocument)
      return composeOutcome(
        path,
        content,
        lineIndex,
        composeDocument,
        limitsReached,
      );
    if (workloads.length === 0) {
      // The workloads may all be in the documents left out: say so rather than skip the file.
      return limitsReached && looksLikeKubernetesWorkload(content)
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

/** The one non-empty document of a YAML file, when it is a compose file by content. */
function composeByContent(
  documents: YamlDocumentModel[],
): YamlDocumentModel | undefined {
  const filled = documents.filter(
    d => d.value !== null && d.value !== undefined,
  );
  return filled.length === 1 && looksLikeComposeDocument(filled[0].value)
    ? filled[0]
    : undefined;
}

function composeOutcome(
  path: string,
  content: string,
  lineIndex: LineIndex,
  document: YamlDocumentModel,
  limitsReached: LimitReached[] | undefined,
): ParseOutcome {
  const services = extractComposeServices(document);
  return {
    status: 'parsed',
    ...(limitsReached ? { limitsReached } : {}),
    file: {
      kind: 'compose',
      path,
      content,
      lineIndex,
      compose: { document, services },
    },
  };
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
