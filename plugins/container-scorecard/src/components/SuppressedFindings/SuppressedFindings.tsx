import { InfoCard } from '@backstage/core-components';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import Chip from '@material-ui/core/Chip';
import type {
  ApiFinding,
  ApiSuppression,
} from '@container-scorecard/plugin-container-scorecard-common';

const SOURCE_LABELS: Record<ApiSuppression['source'], string> = {
  inline: 'Inline comment',
  hadolint: 'hadolint comment',
  config: 'Central waiver (app-config)',
  annotation: 'Entity annotation',
};

/**
 * Findings waived by an inline comment or a central waiver, with reason and expiry. They are
 * listed, never dropped: a waiver is a decision someone made and should be able to revisit.
 *
 * @public
 */
export const SuppressedFindings = (props: {
  findings: readonly ApiFinding[];
}) => {
  const { findings } = props;
  return (
    <InfoCard
      title={`Suppressed findings (${findings.length})`}
      titleTypographyProps={{ component: 'h2' }}
    >
      {findings.length === 0 ? (
        <Typography variant="body2" color="textSecondary">
          No findings are suppressed.
        </Typography>
      ) : (
        <Table size="small" aria-label="Suppressed findings">
          <TableHead>
            <TableRow>
              <TableCell>Rule</TableCell>
              <TableCell>Finding</TableCell>
              <TableCell>Where</TableCell>
              <TableCell>Waived by</TableCell>
              <TableCell>Reason</TableCell>
              <TableCell>Until</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {findings.map((finding, i) => {
              const suppression = finding.suppressed!;
              return (
                <TableRow key={`${finding.path}-${finding.ruleId}-${i}`}>
                  <TableCell style={{ fontFamily: 'monospace' }}>
                    {finding.ruleId}
                  </TableCell>
                  <TableCell>{finding.message}</TableCell>
                  <TableCell>
                    {finding.path}:{finding.range.start.line}
                  </TableCell>
                  <TableCell>{SOURCE_LABELS[suppression.source]}</TableCell>
                  <TableCell>
                    {suppression.reason || (
                      <Typography variant="body2" color="error">
                        No reason given
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell>
                    {suppression.until ?? 'No expiry'}
                    {suppression.expired && (
                      <Chip
                        size="small"
                        label="Expired"
                        color="secondary"
                        style={{ marginLeft: 8 }}
                      />
                    )}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
};
