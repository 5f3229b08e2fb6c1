import type { EntityResultInput, EntitySummary } from '../../database/types';

/** A new result of one entity, just stored, and what was stored before it. */
export interface StoredScanResult {
  /** The stored result (its entity, owner, grade, findings and when it was analysed). */
  result: Pick<
    EntityResultInput,
    | 'entityRef'
    | 'title'
    | 'owner'
    | 'status'
    | 'score'
    | 'grade'
    | 'files'
    | 'analysedAt'
  >;
  /** The entity's summary before this result replaced it; undefined on its first scan. */
  previous?: EntitySummary;
}

/**
 * Told of every result the scan service stores (not of failed attempts, which keep the previous
 * result). Called after the result is saved; a listener that throws is logged, never fails the
 * scan.
 */
export type ScanResultListener = (stored: StoredScanResult) => Promise<void>;
