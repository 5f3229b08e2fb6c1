import { useEffect, useMemo, useState } from 'react';
import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type {
  ApiPillar,
  EntityScorecard,
  RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import useAsync from 'react-use/esm/useAsync';
import { containerScorecardApiRef } from '../../api';
import { useEntityScorecard } from '../../hooks/useEntityScorecard';
import {
  PILLAR_TITLES,
  SEVERITY_ORDER,
  formatDateTime,
  formatScore,
} from '../../presentation';
import { NextGradePlan } from '../NextGradePlan';
import {
  RemediationFilters,
  useRemediationFilter,
} from '../RemediationFilters';
import { RemediationSummary } from '../RemediationSummary';
import { EntityScoreExplanation } from '../ScoreExplanation';
import { EntityImagesCard, ImageCountsNote } from '../EntityImages';
import { FileScorecardCard } from '../FileScorecardCard';
import { FriendlyError } from '../FriendlyError';
import { GradeBadge } from '../GradeBadge';
import { PillarBreakdown } from '../PillarBreakdown';
import { RescanButton } from '../RescanButton';
import { ScorecardStatusNotice } from '../ScorecardStatusNotice';
import { SeverityCounts } from '../SeverityCounts';
import { SuppressedFindings } from '../SuppressedFindings';
import { TrendChart } from '../TrendChart';

const PILLAR_ORDER = Object.keys(PILLAR_TITLES) as ApiPillar[];

/**
 * The entity tab, the remediation view: for every container definition its score, grade, pillar
 * breakdown and findings with the offending text, rationale, remediation and fix; suppressed
 * findings apart; and "Rescan now" for those allowed.
 *
 * @public
 */
export const EntityContainerScorecardContent = () => {
  const api = useApi(containerScorecardApiRef);
  const { entityRef, scorecard, history } = useEntityScorecard();
  // The rule catalogue only adds rationale and remediation text: the view works without it.
  const rules = useAsync(() => api.getRules(), [api]);
  const ruleMap = useMemo(
    () =>
      new Map<string, RuleSummary>(
        (rules.value?.rules ?? []).map(rule => [rule.id, rule]),
      ),
    [rules.value],
  );
  const [filter, setFilter] = useRemediationFilter();
  const [rescanned, setRescanned] = useState<EntityScorecard>();
  useEffect(() => setRescanned(undefined), [entityRef]);
  const current = rescanned ?? scorecard.value;

  const header = (
    <ContentHeader title="Container Scorecard">
      <RescanButton entityRef={entityRef} onRescanned={setRescanned} />
    </ContentHeader>
  );

  if (scorecard.loading && !current) {
    return (
      <Content>
        {header}
        <Progress />
      </Content>
    );
  }
  if (scorecard.error || !current) {
    return (
      <Content>
        {header}
        {scorecard.error && (
          <FriendlyError
            error={scorecard.error}
            subject="this service's scorecard"
            notFound="The scorecard backend does not know this entity, or you cannot see it."
          />
        )}
      </Content>
    );
  }

  const suppressed = current.files.flatMap(file =>
    file.findings.filter(finding => finding.suppressed),
  );
  const openFindings = current.files.flatMap(file =>
    file.findings.filter(finding => !finding.suppressed),
  );
  const pillars = PILLAR_ORDER.filter(pillar =>
    openFindings.some(finding => finding.pillar === pillar),
  );
  const shownFiles = current.files.filter(
    file => !filter.file || file.path === filter.file,
  );
  const openSeverity = SEVERITY_ORDER.find(severity =>
    shownFiles.some(file =>
      file.findings.some(
        finding =>
          !finding.suppressed &&
          finding.severity === severity &&
          (!filter.severity || finding.severity === filter.severity) &&
          (!filter.pillar || finding.pillar === filter.pillar),
      ),
    ),
  );
  const trend = (history.value?.points ?? []).map(p => ({
    day: p.day,
    score: p.score,
  }));

  return (
    <Content>
      {header}
      <Grid container spacing={3}>
        <Grid item xs={12}>
          <ScorecardStatusNotice scorecard={current} />
          <RemediationSummary scorecard={current} />
        </Grid>
        {current.score !== undefined && (
          <>
            <Grid item xs={12} md={5}>
              <InfoCard
                title="Overall"
                titleTypographyProps={{ component: 'h2' }}
              >
                <Box display="flex" alignItems="center" gridGap={16}>
                  <GradeBadge grade={current.grade} size="large" />
                  <Typography variant="h4" component="p">
                    {formatScore(current.score)}
                    <Typography
                      variant="body2"
                      component="span"
                      color="textSecondary"
                    >
                      {' '}
                      / 100
                    </Typography>
                  </Typography>
                </Box>
                <Box marginY={2}>
                  <SeverityCounts counts={current.counts} />
                  <ImageCountsNote scorecard={current} />
                </Box>
                <Box marginBottom={2}>
                  <EntityScoreExplanation
                    score={current.score}
                    pillarScores={current.pillarScores}
                    files={current.files}
                  />
                </Box>
                <PillarBreakdown scores={current.pillarScores} />

                <Typography
                  variant="caption"
                  color="textSecondary"
                  component="p"
                  style={{ marginTop: 16 }}
                >
                  Analysed {formatDateTime(current.analysedAt)}
                  {current.rulesetVersion &&
                    ` · ruleset ${current.rulesetVersion}`}
                </Typography>
              </InfoCard>
            </Grid>
            <Grid item xs={12} md={7}>
              <InfoCard
                title="Score over the last 90 days"
                titleTypographyProps={{ component: 'h2' }}
              >
                {history.error ? (
                  <ResponseErrorPanel error={history.error} />
                ) : (
                  <TrendChart points={trend} title="Entity score trend" />
                )}
              </InfoCard>
            </Grid>
          </>
        )}
        {current.nextGrade && (
          <Grid item xs={12}>
            <InfoCard
              title={`Fastest way to grade ${current.nextGrade.grade}`}
              titleTypographyProps={{ component: 'h2' }}
            >
              <NextGradePlan plan={current.nextGrade} />
            </InfoCard>
          </Grid>
        )}
        {current.files.length > 0 && (
          <Grid item xs={12}>
            <RemediationFilters
              filter={filter}
              onChange={setFilter}
              files={current.files.map(file => file.path)}
              pillars={pillars}
            />
          </Grid>
        )}
        {shownFiles.map(file => (
          <Grid item xs={12} key={file.path}>
            <FileScorecardCard
              file={file}
              rules={ruleMap}
              entityRef={entityRef}
              filter={filter}
              openSeverity={openSeverity}
            />
          </Grid>
        ))}
        {current.files.length > 0 && (
          <Grid item xs={12}>
            <SuppressedFindings findings={suppressed} />
          </Grid>
        )}
        {/* A file filter narrows the view to one container definition; images are not files. */}
        {current.images && !filter.file && (
          <Grid item xs={12}>
            <EntityImagesCard
              images={current.images}
              rules={ruleMap}
              filter={filter}
            />
          </Grid>
        )}
      </Grid>
    </Content>
  );
};
