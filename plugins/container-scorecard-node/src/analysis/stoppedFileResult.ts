import {
  classifyContainerFile,
  type AnalysisErrorCode,
  type ContainerFileKind,
  type FileResult,
} from '@container-scorecard/plugin-container-scorecard-common';

function kindOf(path: string): ContainerFileKind | undefined {
  const classification = classifyContainerFile(path);
  return classification === 'kubernetes-candidate'
    ? 'kubernetes'
    : classification;
}

/** The could-not-analyse result of a file whose analysis was stopped before it finished. */
export function stoppedFileResult(
  path: string,
  error: { code: AnalysisErrorCode; message: string },
  rulesetVersion: string,
): FileResult {
  const kind = kindOf(path);
  return {
    path,
    ...(kind ? { kind } : {}),
    status: 'could-not-analyse',
    error,
    findings: [],
    counts: { critical: 0, high: 0, medium: 0, low: 0, info: 0 },
    suppressedCount: 0,
    images: [],
    rulesetVersion,
  };
}
