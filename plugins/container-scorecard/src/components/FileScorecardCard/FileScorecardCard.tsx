import { InfoCard, Link } from '@backstage/core-components';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ApiSeverity,
  FileScorecard,
  RuleSummary,
} from '@internal/plugin-container-scorecard-common';
import { SEVERITY_ORDER, formatScore, severityLabel } from '../../presentation';
import { FindingDetails } from '../FindingDetails';
import { GradeBadge } from '../GradeBadge';
import { PartialResultNotice } from '../PartialResultNotice';
import { PillarBreakdown } from '../PillarBreakdown';
import { SeverityCounts } from '../SeverityCounts';
import { MoreFindingsButton } from './MoreFindingsButton';
import { useMoreFindings } from './useMoreFindings';

const KIND_LABELS: Record<FileScorecard['kind'], string> = {
  dockerfile: 'Dockerfile',
  compose: 'Compose file',
  kubernetes: 'Kubernetes manifest',
};

/**
 * One container definition: score, grade, pillar breakdown, and its open findings grouped by
 * severity, worst first. Suppressed findings are listed apart (see SuppressedFindings).
 *
 * @public
 */
export const FileScorecardCard = (props: {
  file: FileScorecard;
  rules: ReadonlyMap<string, RuleSummary>;
  /** The entity the file belongs to: needed to load findings beyond the first page. */
  entityRef?: CompoundEntityRef;
}) => {
  const { file, rules } = props;
  const more = useMoreFindings(props.entityRef, file);
  const open = more.findings.filter(finding => !finding.suppressed);
  const bySeverity = new Map<ApiSeverity, typeof open>();
  for (const finding of open) {
    bySeverity.set(finding.severity, [
      ...(bySeverity.get(finding.severity) ?? []),
      finding,
    ]);
  }
  const title = file.url?.match(/^https?:/i) ? (
    <Link to={file.url} aria-label={`${file.path} in source control`}>
      {file.path}
    </Link>
  ) : (
    file.path
  );

  return (
    <InfoCard
      title={<span data-testid="file-path">{title}</span>}
      subheader={KIND_LABELS[file.kind]}
      titleTypographyProps={{ component: 'h2' }}
    >
      <PartialResultNotice limits={file.partial} subject="This file" />
      {file.status === 'could-not-analyse' ? (
        <Alert severity="warning">
          Could not analyse this file: {file.error ?? 'unknown reason'}
        </Alert>
      ) : (
        <>
          <Box display="flex" alignItems="center" gridGap={16} flexWrap="wrap">
            <GradeBadge grade={file.grade} size="large" />
            <Typography variant="h5" component="p">
              {formatScore(file.score)}
              <Typography
                variant="body2"
                component="span"
                color="textSecondary"
              >
                {' '}
                / 100
              </Typography>
            </Typography>
            <SeverityCounts counts={file.counts} />
          </Box>
          <Box marginTop={2}>
            <PillarBreakdown scores={file.pillarScores} />
          </Box>
          {open.length === 0 && (
            <Typography variant="body1" style={{ marginTop: 16 }}>
              No open findings in this file.
            </Typography>
          )}
          {SEVERITY_ORDER.filter(s => bySeverity.has(s)).map(severity => (
            <section
              key={severity}
              aria-label={`${severityLabel(severity)} findings`}
            >
              <Typography variant="h6" component="h3" style={{ marginTop: 16 }}>
                {severityLabel(severity)} ({bySeverity.get(severity)!.length})
              </Typography>
              {bySeverity.get(severity)!.map((finding, i) => (
                <FindingDetails
                  key={`${finding.ruleId}-${finding.range.start.line}-${i}`}
                  finding={finding}
                  rule={rules.get(finding.ruleId)}
                  fileUrl={file.url}
                />
              ))}
            </section>
          ))}
          <MoreFindingsButton more={more} />
        </>
      )}
    </InfoCard>
  );
};
