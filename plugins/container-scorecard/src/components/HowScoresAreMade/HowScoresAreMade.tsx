import Typography from '@material-ui/core/Typography';
import {
  GRADE_THRESHOLDS,
  MAX_COUNTED_REPEATS,
  REPEAT_DECAY,
  SEVERITY_WEIGHTS,
  WORST_FILE_SHARE,
} from '@container-scorecard/plugin-container-scorecard-common';
import { SCORING_ANCHOR } from '../../hooks/useRuleLink';
import { SEVERITY_ORDER, severityLabel } from '../../presentation';

/**
 * How scores are made, in the portal: the same model as docs/scoring.md, with the numbers read
 * from the common package's constants so the page cannot drift from the scoring.
 *
 * @public
 */
export const HowScoresAreMade = () => {
  const share = Math.round(WORST_FILE_SHARE * 100);
  return (
    <section id={SCORING_ANCHOR} aria-labelledby={`${SCORING_ANCHOR}-heading`}>
      <Typography
        variant="h5"
        component="h2"
        id={`${SCORING_ANCHOR}-heading`}
        gutterBottom
      >
        How scores are made
      </Typography>
      <Typography variant="body1" paragraph>
        <strong>A file</strong> starts at 100 and each open finding takes off
        points by severity:{' '}
        {SEVERITY_ORDER.map(
          s => `${severityLabel(s).toLowerCase()} ${SEVERITY_WEIGHTS[s]}`,
        ).join(', ')}
        . Repeating a mistake is one problem, not ten, but not free: within a
        rule in a file, each further finding costs {REPEAT_DECAY} times the one
        before (heaviest first), and findings beyond the {MAX_COUNTED_REPEATS}th
        cost nothing. A file never goes below 0. Waived findings cost nothing.
      </Typography>
      <Typography variant="body1" paragraph>
        <strong>A pillar score</strong> counts only that pillar&apos;s findings.
        The file score counts them all, so a file whose pillars each lose 30 to
        60 points can score 0: the losses add up.
      </Typography>
      <Typography variant="body1" paragraph>
        <strong>An entity</strong> scores {100 - share}% the average of its
        analysed files and {share}% its worst file, so one dreadful file cannot
        hide among clean ones. A team or an organisation is the plain average of
        its services. Files that could not be analysed are not scored, never
        zero and never a pass.
      </Typography>
      <Typography variant="body1" paragraph>
        <strong>Grades</strong>:{' '}
        {GRADE_THRESHOLDS.map(t => `${t.grade} from ${t.min}`).join(', ')}.
        Fixing a finding never lowers a score.
      </Typography>
    </section>
  );
};
