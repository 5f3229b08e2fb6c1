import type { InspectedImage } from '../../images/inspectedImage';
import type {
  RuleOptionValues,
  RuleOptionsSchema,
} from '../framework/ruleOptions';
import type { RuleMetadata } from '../framework/ruleTypes';

/** Where an image was named: it decides which checks apply (Kubernetes ignores HEALTHCHECK). */
export type ImageUsage = 'dockerfile' | 'compose' | 'kubernetes' | 'annotation';

/**
 * What an image rule's `check` receives: the inspected image and what the caller knows about it.
 * Pure data, so the rules run in the browser as well as in the backend and the CLI.
 *
 * @public
 */
export interface ImageRuleContext<O = Record<string, unknown>> {
  image: InspectedImage;
  /** The digest this reference resolved to at the previous scan, when there was one. */
  previousDigest?: string;
  usedBy: readonly ImageUsage[];
  /** The scan's clock, so ages are stable within a scan and testable. */
  now: Date;
  options: O;
}

/** One problem an image rule reports; `evidence` is the config value it is about. @public */
export interface ImageRuleReport {
  message?: string;
  evidence: string;
}

/**
 * An image rule: the metadata of a file rule (id, pillar, rationale, remediation, options),
 * checking an inspected image instead of a file. Image rules have no automatic fix: the image is
 * rebuilt from its definition, where the file rules' fixes apply.
 *
 * @public
 */
export type ImageRule = Omit<
  RuleMetadata,
  'appliesTo' | 'fixable' | 'equivalents'
> & {
  kind: 'image';
  equivalents: RuleMetadata['equivalents'];
  check(context: ImageRuleContext<any>): ImageRuleReport[];
};

/** Defines an image rule with its option values typed from its schema. @public */
export function defineImageRule<
  S extends RuleOptionsSchema = Record<string, never>,
>(
  definition: Omit<ImageRule, 'kind' | 'check' | 'options' | 'equivalents'> & {
    options?: S;
    equivalents?: RuleMetadata['equivalents'];
    check(context: ImageRuleContext<RuleOptionValues<S>>): ImageRuleReport[];
  },
): ImageRule {
  return { equivalents: {}, ...definition, kind: 'image' };
}
