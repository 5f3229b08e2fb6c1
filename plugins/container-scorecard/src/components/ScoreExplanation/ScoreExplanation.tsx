import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  REPEAT_DECAY,
  SEVERITY_WEIGHTS,
  WORST_FILE_SHARE,
  type FileScorecard,
  type PillarScores,
} from '@container-scorecard/plugin-container-scorecard-common';
import { useScoringLink } from '../../hooks/useRuleLink';
import { formatPoints, formatScore } from '../../presentation';

const WEIGHTS = `critical ${SEVERITY_WEIGHTS.critical}, high ${SEVERITY_WEIGHTS.high}, medium ${SEVERITY_WEIGHTS.medium}, low ${SEVERITY_WEIGHTS.low}`;

/** Points lost across the pillars: Σ (100 − pillar score), a floor when a pillar is at 0. */
function pillarLosses(scores: PillarScores | undefined): number {
  return Object.values(scores ?? {}).reduce(
    (sum, score) => sum + (100 - (score ?? 100)),
    0,
  );
}

function lowestPillar(scores: PillarScores | undefined): number | undefined {
  const values = Object.values(scores ?? {}).filter(
    (v): v is number => v !== undefined,
  );
  return values.length ? Math.min(...values) : undefined;
}

const ScoringLink = () => {
  const href = useScoringLink();
  return href ? (
    <>
      {' '}
      <Link to={href}>How scores are made</Link>
    </>
  ) : null;
};

/**
 * How a file's score is made, in two sentences, with what its findings cost in all, and why a
 * total can sit below every pillar.
 *
 * @public
 */
export const FileScoreExplanation = (props: { file: FileScorecard }) => {
  const { file } = props;
  const complete = file.findings.length >= (file.findingsTotal ?? 0);
  const fromFindings = file.findings.reduce(
    (sum, f) =>
      sum + (f.suppressed && !f.suppressed.expired ? 0 : f.penalty ?? 0),
    0,
  );
  const lost =
    complete && file.findings.some(f => f.penalty !== undefined)
      ? fromFindings
      : pillarLosses(file.pillarScores);
  return (
    <Typography variant="body2" color="textSecondary" component="p">
      Starts at 100; each finding takes off its points ({WEIGHTS}), and each
      repeat of a rule in the file costs{' '}
      {REPEAT_DECAY === 0.5 ? 'half' : `${REPEAT_DECAY} times`} the one before.
      Here the findings cost {formatPoints(lost)}
      {lost > 100 ? ', more than 100, so the score stops at 0' : ''}.
      <ScoringLink />
    </Typography>
  );
};

/**
 * How the entity's score is made from its files, and why it can be far below its pillars.
 *
 * @public
 */
export const EntityScoreExplanation = (props: {
  score?: number;
  pillarScores?: PillarScores;
  files: FileScorecard[];
}) => {
  const analysed = props.files.filter(
    f => f.status === 'analysed' && f.score !== undefined,
  );
  if (props.score === undefined || analysed.length === 0) return null;
  const worst = analysed.reduce((a, b) => (b.score! < a.score! ? b : a));
  const mean = analysed.reduce((sum, f) => sum + f.score!, 0) / analysed.length;
  const lowest = lowestPillar(props.pillarScores);
  const share = Math.round(WORST_FILE_SHARE * 100);
  return (
    <Typography variant="body2" color="textSecondary" component="p">
      {analysed.length === 1
        ? `The score of its one file, ${worst.path}.`
        : `${100 - share}% the average of its ${
            analysed.length
          } files (${formatScore(mean)}) and ${share}% its worst file, ${
            worst.path
          } (${formatScore(worst.score)}).`}{' '}
      {lowest !== undefined && props.score < lowest && (
        <>
          Why lower than every pillar: a pillar counts only its own findings,
          the total counts them all, so{' '}
          {formatPoints(pillarLosses(worst.pillarScores))} lost across the
          pillars of {worst.path} add up to a score of{' '}
          {formatScore(worst.score)}.
        </>
      )}
      <ScoringLink />
    </Typography>
  );
};
