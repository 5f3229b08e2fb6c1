import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ApiFinding } from '@container-scorecard/plugin-container-scorecard-common';
import { formatPoints } from '../../presentation';

const useStyles = makeStyles({
  cost: { fontWeight: 600, whiteSpace: 'nowrap' },
});

/**
 * What a finding says and, when it has a penalty, what it costs ("−10 points", read out as
 * "Costs 10 points"). File findings (FindingDetails) and image findings (ImageFindingDetails)
 * show the same line, so it is written once. A fragment: it sits in its caller's flex heading,
 * where the message takes the free width and the cost stays at the end.
 */
export const FindingHeadline = (props: {
  finding: Pick<ApiFinding, 'message' | 'penalty'>;
}) => {
  const classes = useStyles();
  const { finding } = props;
  return (
    <>
      <Typography variant="body1" component="p" style={{ flex: 1 }}>
        {finding.message}
      </Typography>
      {finding.penalty !== undefined && (
        <Typography
          variant="body2"
          className={classes.cost}
          aria-label={`Costs ${formatPoints(finding.penalty)}`}
        >
          −{formatPoints(finding.penalty)}
        </Typography>
      )}
    </>
  );
};
