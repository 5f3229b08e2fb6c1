import Typography from '@material-ui/core/Typography';
import type { RuleSummary } from '@container-scorecard/plugin-container-scorecard-common';

/**
 * Why a rule matters and how to fix what it reports: the same words wherever a rule is
 * explained (under a finding, in the rule catalogue). `headingComponent` keeps the document
 * outline right for the place it is shown in.
 */
export const RuleExplanation = (props: {
  rule: Pick<RuleSummary, 'rationale' | 'remediation'>;
  headingComponent: 'h4' | 'h5';
}) => {
  const { rule, headingComponent } = props;
  return (
    <>
      <Typography variant="subtitle2" component={headingComponent}>
        Why it matters
      </Typography>
      <Typography variant="body2" paragraph>
        {rule.rationale}
      </Typography>
      <Typography variant="subtitle2" component={headingComponent}>
        How to fix it
      </Typography>
      {rule.remediation.text && (
        <Typography variant="body2" paragraph>
          {rule.remediation.text}
        </Typography>
      )}
    </>
  );
};
