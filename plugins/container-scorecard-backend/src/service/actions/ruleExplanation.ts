import type { RuleSummary } from '@container-scorecard/plugin-container-scorecard-common';
import type { Zod } from './schemas';

/** A rule's why and how, as `explain-rule` and `what-to-fix-first` answer it. */
export const explanationSchema = (z: Zod) =>
  z.object({
    ruleId: z.string(),
    title: z.string(),
    rationale: z.string(),
    remediation: z.string().optional(),
    example: z.object({ before: z.string(), after: z.string() }),
    automaticFix: z.boolean(),
  });

export function explain(rule: RuleSummary) {
  return {
    ruleId: rule.id,
    title: rule.title,
    rationale: rule.rationale,
    ...(rule.remediation.text ? { remediation: rule.remediation.text } : {}),
    example: { before: rule.remediation.before, after: rule.remediation.after },
    automaticFix: rule.fixable,
  };
}
