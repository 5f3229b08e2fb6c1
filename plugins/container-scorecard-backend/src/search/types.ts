import type { ApiGrade } from '@container-scorecard/plugin-container-scorecard-common';

/** The document type (index name) the collator writes. */
export const SCORECARD_SEARCH_TYPE = 'container-scorecard';

/** One entity's scorecard as the search index holds it. */
export interface ScorecardSearchDocument {
  title: string;
  text: string;
  /** App path of the entity's remediation tab. */
  location: string;
  entityRef: string;
  grade?: ApiGrade;
  score?: number;
}
