import Typography from '@material-ui/core/Typography';
import type { EntityScorecard } from '@container-scorecard/plugin-container-scorecard-common';
import type { SeverityCounts } from '@container-scorecard/plugin-container-scorecard-common';
import { SEVERITY_ORDER, formatScore } from '../../presentation';
import { splitCounts, totalOf } from '../EntityImages';

function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

function bySeverity(counts: SeverityCounts): string {
  const text = SEVERITY_ORDER.filter(s => counts[s] > 0)
    .map(s => `${counts[s]} ${s}`)
    .join(', ');
  return text ? ` (${text})` : '';
}

/**
 * One line that says what the page holds: how many open findings in how many files, by
 * severity, and in how many images when images were inspected, how many have an automatic fix,
 * and the next grade's price.
 *
 * @public
 */
export const RemediationSummary = (props: { scorecard: EntityScorecard }) => {
  const { scorecard } = props;
  if (scorecard.status !== 'analysed' && scorecard.score === undefined)
    return null;
  const files = scorecard.files.filter(f => f.status === 'analysed');
  const counts = splitCounts(scorecard);
  const imageFindings = totalOf(counts.images);
  const imagesWithFindings = (scorecard.images?.results ?? []).filter(
    image => image.findings.length > 0,
  );
  const loaded = scorecard.files.flatMap(f =>
    f.findings.filter(finding => !finding.suppressed),
  );
  const fixable = loaded.filter(f => f.fix).length;
  const next = scorecard.nextGrade;
  const parts = [
    `${formatScore(scorecard.score)}/100 ${scorecard.grade ?? ''}`.trim(),
    `${plural(totalOf(counts.definitions), 'open finding')} in ${plural(
      files.length,
      'file',
    )}${bySeverity(counts.definitions)}${
      imageFindings > 0
        ? ` and ${imageFindings} in ${plural(
            imagesWithFindings.length,
            'image',
          )}${bySeverity(counts.images)}`
        : ''
    }`,
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
