import Typography from '@material-ui/core/Typography';
import type { EntityScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import { SEVERITY_ORDER, formatScore } from '../../presentation';

/**
 * One line that says what the page holds: how many open findings in how many files, by
 * severity, how many have an automatic fix, and the next grade's price.
 *
 * @public
 */
export const RemediationSummary = (props: { scorecard: EntityScorecard }) => {
  const { scorecard } = props;
  if (scorecard.status !== 'analysed' && scorecard.score === undefined)
    return null;
  const files = scorecard.files.filter(f => f.status === 'analysed');
  const open = SEVERITY_ORDER.reduce((n, s) => n + scorecard.counts[s], 0);
  const bySeverity = SEVERITY_ORDER.filter(s => scorecard.counts[s] > 0)
    .map(s => `${scorecard.counts[s]} ${s}`)
    .join(', ');
  const loaded = scorecard.files.flatMap(f =>
    f.findings.filter(finding => !finding.suppressed),
  );
  const fixable = loaded.filter(f => f.fix).length;
  const next = scorecard.nextGrade;
  const parts = [
    `${formatScore(scorecard.score)}/100 ${scorecard.grade ?? ''}`.trim(),
    `${open} open finding${open === 1 ? '' : 's'} in ${files.length} file${
      files.length === 1 ? '' : 's'
    }${bySeverity ? ` (${bySeverity})` : ''}`,
    ...(fixable ? [`${fixable} with an automatic fix`] : []),
    ...(next ? [`fix ${next.findings.length} to reach ${next.grade}`] : []),
  ];
  return (
    <Typography
      variant="subtitle1"
      component="p"
      data-testid="remediation-summary"
      style={{ marginTop: 8 }}
    >
      {parts.join(' · ')}
    </Typography>
  );
};
