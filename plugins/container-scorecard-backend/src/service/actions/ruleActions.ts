import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import { NotFoundError } from '@backstage/errors';
import { explain, explanationSchema } from './ruleExplanation';
import { severitySchema } from './schemas';
import type { ScorecardActionDeps } from './types';

/** A rule's explanation and fix: the rule catalogue page, as an answer. */
export function registerRuleActions(
  registry: ActionsRegistryService,
  deps: Pick<ScorecardActionDeps, 'ruleCatalogue'>,
) {
  registry.register({
    name: 'explain-rule',
    title: 'Explain a container scorecard rule',
    description:
      'What one container scorecard rule checks, why it matters, how to fix a finding of it ' +
      '(with a before/after example), whether the scorecard can fix it automatically, and the ' +
      'equivalent checks of other tools (hadolint, Trivy, Checkov, kube-score, ...).',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          ruleId: z
            .string()
            .min(1)
            .describe('Rule id, as findings name it, e.g. "last-user-root"'),
        }),
      output: z =>
        explanationSchema(z).extend({
          pillar: z.string(),
          severity: severitySchema(z),
          enabled: z.boolean(),
          appliesTo: z.array(z.string()),
          message: z.string(),
          equivalents: z.record(z.string()),
          rulesetVersion: z.string(),
        }),
    },
    action: async ({ input }) => {
      const { rules, rulesetVersion } = deps.ruleCatalogue;
      const rule = rules.find(r => r.id === input.ruleId.trim());
      if (!rule) throw new NotFoundError(`No rule ${input.ruleId}`);
      return {
        output: {
          ...explain(rule),
          pillar: rule.pillar,
          severity: rule.severity,
          enabled: rule.enabled !== false,
          appliesTo: rule.appliesTo,
          message: rule.message,
          equivalents: rule.equivalents,
          rulesetVersion,
        },
      };
    },
  });
}
