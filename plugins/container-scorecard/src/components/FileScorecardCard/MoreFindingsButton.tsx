import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { FINDINGS_PAGE_SIZE, MoreFindings } from './useMoreFindings';

/** "Showing N of M findings" and a button that loads the next page, while there is one. */
export const MoreFindingsButton = (props: { more: MoreFindings }) => {
  const { findings, total, loadMore, loading, error } = props.more;
  if (findings.length >= total && !error) return null;
  const next = Math.min(FINDINGS_PAGE_SIZE, total - findings.length);
  return (
    <Box marginTop={2}>
      <Typography variant="body2" color="textSecondary" component="p">
        Showing {findings.length} of {total} findings.
      </Typography>
      {error && (
        <Alert severity="error">
          Could not load more findings: {error.message}
        </Alert>
      )}
      {loadMore && (
        <Button
          variant="outlined"
          onClick={loadMore}
          disabled={loading}
          style={{ marginTop: 8 }}
        >
          {loading ? 'Loading…' : `Show ${next} more findings`}
        </Button>
      )}
    </Box>
  );
};
