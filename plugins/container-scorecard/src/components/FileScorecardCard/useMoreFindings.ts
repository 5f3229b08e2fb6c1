import { useCallback, useEffect, useState } from 'react';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type {
  ApiFinding,
  FileScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { containerScorecardApiRef } from '../../api';

/** Findings fetched per "show more": the backend's default page, and at most its maximum. */
export const FINDINGS_PAGE_SIZE = 100;

/** The findings of one file so far, and a way to fetch the next page of them. */
export interface MoreFindings {
  findings: ApiFinding[];
  total: number;
  /** Undefined when every finding is shown, or the entity is unknown. */
  loadMore?: () => void;
  loading: boolean;
  error?: Error;
}

/**
 * The scorecard carries only the first findings of each file; this loads the rest a page at a
 * time when the reader asks, appending them in the backend's order.
 */
export function useMoreFindings(
  entityRef: CompoundEntityRef | undefined,
  file: FileScorecard,
): MoreFindings {
  const api = useApi(containerScorecardApiRef);
  const [extra, setExtra] = useState<ApiFinding[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error>();
  // A new scorecard (a rescan) starts over from its own first page.
  useEffect(() => {
    setExtra([]);
    setError(undefined);
  }, [file]);

  const findings = extra.length ? [...file.findings, ...extra] : file.findings;
  const total = Math.max(file.findingsTotal ?? 0, file.findings.length);
  const offset = findings.length;
  const loadMore = useCallback(async () => {
    if (!entityRef) return;
    setLoading(true);
    setError(undefined);
    try {
      const page = await api.getFileFindings(entityRef, file.path, {
        offset,
        limit: FINDINGS_PAGE_SIZE,
      });
      setExtra(previous => [...previous, ...page.items]);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  }, [api, entityRef, file.path, offset]);

  return {
    findings,
    total,
    loading,
    error,
    loadMore: entityRef && offset < total ? loadMore : undefined,
  };
}
