import type {
  BaseImageUserSettlement,
  ImageResult,
  RuleMetadata,
} from '@container-scorecard/plugin-container-scorecard-common';
import type { ImageRuleMetadata } from './images/imageRuleMetadata';
import type { Analysis } from '../analyzeTargets';
import type { FixReport } from '../fix/applyFixes';

/** Everything a report format needs. */
export interface ReportInput {
  analysis: Analysis;
  /** Metadata of the rules in force (configured severities), by id. */
  rules: ReadonlyMap<string, RuleMetadata>;
  toolVersion: string;
  /** Present when `--fix` ran. */
  fixes?: FixReport[];
  /** Present with `--inspect-images` (docs/images.md). */
  images?: ImageResult[];
  /** The image rules in force, with `--inspect-images`. */
  imageRules?: ImageRuleMetadata[];
  /** Dockerfile findings the registry settled (docs/images.md), with `--inspect-images`. */
  settlements?: BaseImageUserSettlement[];
}

/** The CLI's name, as shown in reports and SARIF. */
export const TOOL_NAME = 'container-scorecard';
