import { InfoCard, Link } from '@backstage/core-components';
import type { CompoundEntityRef } from '@backstage/catalog-model';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import type {
  ApiPillar,
  ApiSeverity,
  FileScorecard,
  RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import { SEVERITY_ORDER, formatScore } from '../../presentation';
import { RuleFindingsGroup, groupByRule } from '../RuleFindingsGroup';
import { FileScoreExplanation } from '../ScoreExplanation';
import { FileOrigin, pathInSource } from '../FileOrigin';
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
 * One container definition: score, grade, how the score is made, pillar breakdown, and its open
 * findings grouped by rule, worst first (one rationale per rule, its occurrences under it).
 * Suppressed findings are listed apart (see SuppressedFindings).
 *
 * @public
 */
export const FileScorecardCard = (props: {
  file: FileScorecard;
  rules: ReadonlyMap<string, RuleSummary>;
  /** The entity the file belongs to: needed to load findings beyond the first page. */
  entityRef?: CompoundEntityRef;
  /** Only the findings of this severity and pillar are listed. */
  filter?: { severity?: ApiSeverity; pillar?: ApiPillar };
  /** Rule groups of this severity are open; the milder ones start collapsed. */
  openSeverity?: ApiSeverity;
}) => {
  const { file, rules, filter = {} } = props;
  const more = useMoreFindings(props.entityRef, file);
  const open = more.findings.filter(finding => !finding.suppressed);
  const shown = open.filter(
    finding =>
      (!filter.severity || finding.severity === filter.severity) &&
      (!filter.pillar || finding.pillar === filter.pillar),
  );
  const groups = groupByRule(shown);
  const openSeverity = props.openSeverity ?? groups[0]?.severity;
  // A file of an extra source is titled by its path in that source; the source is named below.
  const shownPath = pathInSource(file.path, file.source);
  const title = file.url?.match(/^https?:/i) ? (
    <Link to={file.url} aria-label={`${shownPath} in source control`}>
      {shownPath}
    </Link>
  ) : (
    shownPath
  );

  return (
    <InfoCard
      title={<span data-testid="file-path">{title}</span>}
      subheader={KIND_LABELS[file.kind]}
      titleTypographyProps={{ component: 'h2' }}
    >
      <section aria-label={`Findings in ${file.path}`}>
        <FileOrigin file={file} />
        <PartialResultNotice limits={file.partial} subject="This file" />
        {file.status === 'could-not-analyse' ? (
          <Alert severity="warning">
            Could not analyse this file: {file.error ?? 'unknown reason'}
          </Alert>
        ) : (
          <>
            <Box
              display="flex"
              alignItems="center"
              gridGap={16}
              flexWrap="wrap"
            >
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
            <Box marginTop={1}>
              <FileScoreExplanation
                file={{ ...file, findings: more.findings }}
              />
            </Box>
            <Box marginTop={2}>
              <PillarBreakdown scores={file.pillarScores} />
            </Box>
            {open.length === 0 && (
              <Typography variant="body1" style={{ marginTop: 16 }}>
                No open findings in this file.
              </Typography>
            )}
            {open.length > 0 && shown.length < open.length && (
              <Typography
                variant="body2"
                color="textSecondary"
                style={{ marginTop: 16 }}
              >
                {shown.length} of {open.length} loaded findings match the
                filters.
              </Typography>
            )}
            {groups.length > 0 && (
              <Box marginTop={2}>
                <Typography variant="h6" component="h3">
                  Findings by rule
                </Typography>
                {groups.map(group => (
                  <RuleFindingsGroup
                    key={group.ruleId}
                    group={group}
                    rule={rules.get(group.ruleId)}
                    fileUrl={file.url}
                    file={file}
                    defaultOpen={
                      SEVERITY_ORDER.indexOf(group.severity) <=
                      SEVERITY_ORDER.indexOf(openSeverity ?? 'critical')
                    }
                  />
                ))}
              </Box>
            )}
            <MoreFindingsButton more={more} />
          </>
        )}
      </section>
    </InfoCard>
  );
};
