import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import type { ApiFinding } from '@container-scorecard/plugin-container-scorecard-common';
import { CodeSnippetLines } from '../CodeSnippetLines';
import { FindingHeadline } from '../FindingHeadline';

const useStyles = makeStyles(theme => ({
  finding: {
    padding: theme.spacing(1.5, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
    breakInside: 'avoid',
  },
  heading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
}));

/**
 * One image finding: what is wrong, what it costs, and the config value read from the registry.
 * Unlike a file finding it has no line to link to: the image config is not a file in the
 * repository, and the fix is made in the definition the image is built from.
 */
export const ImageFindingDetails = (props: { finding: ApiFinding }) => {
  const classes = useStyles();
  const { finding } = props;
  return (
    <article
      className={classes.finding}
      aria-label={`${finding.message} (${finding.path})`}
      data-testid="image-finding"
    >
      <div className={classes.heading}>
        <FindingHeadline finding={finding} />
      </div>
      {finding.snippet && (
        <Box marginTop={1}>
          <CodeSnippetLines
            lines={[{ text: finding.snippet }]}
            label={`Image config of ${finding.path}`}
          />
        </Box>
      )}
    </article>
  );
};
