import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { reportFileName } from '@container-scorecard/plugin-container-scorecard-common';
import {
  Content,
  ContentHeader,
  InfoCard,
  Progress,
} from '@backstage/core-components';
import { alertApiRef, useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import GetAppIcon from '@material-ui/icons/GetApp';
import PrintIcon from '@material-ui/icons/Print';
import useAsync from 'react-use/esm/useAsync';
import { containerScorecardApiRef } from '../../api';
import { useGroupOptions } from '../../hooks/useGroupOptions';
import { formatDateTime, formatScore } from '../../presentation';
import { FriendlyError } from '../FriendlyError';
import { GradeBadge } from '../GradeBadge';
import { ScannerStatusLine } from '../ScannerStatusLine';
import { TrendChart } from '../TrendChart';
import { CoverageSummary } from './CoverageSummary';
import { downloadText } from './downloadText';
import {
  MoversTable,
  TeamsRankingTable,
  TopFailingRulesTable,
} from './ReportTables';

const PERIODS = [7, 30, 90, 180, 365];

const useStyles = makeStyles(theme => ({
  // A manager prints this page or saves it as PDF: drop the app's chrome and the controls, and
  // keep cards from splitting across pages.
  '@global': {
    '@media print': {
      // Only the sidebar itself: its page wrapper (BackstageSidebarPage) holds the content.
      'nav[aria-label="sidebar nav"], [class*="BackstageSidebar-drawer"]': {
        display: 'none !important',
      },
      '[class*="BackstageSidebarPage-root"]': { paddingLeft: '0 !important' },
    },
  },
  actions: {
    display: 'flex',
    alignItems: 'flex-end',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    maxWidth: '100%',
    '@media print': { display: 'none' },
  },
  card: {
    breakInside: 'avoid',
    height: '100%',
    maxWidth: '100%',
    overflowX: 'auto',
    '& th': { whiteSpace: 'nowrap' },
    '@media print': { height: 'auto', overflowX: 'visible' },
  },
  printOnly: { display: 'none', '@media print': { display: 'block' } },
  // On paper the small cards sit side by side, so the report fits on fewer pages.
  printThird: {
    '@media print': { flexBasis: '38%', maxWidth: '38%' },
  },
  printTwoThirds: {
    '@media print': { flexBasis: '62%', maxWidth: '62%' },
  },
  printHalf: {
    '@media print': { flexBasis: '50%', maxWidth: '50%' },
  },
}));

/**
 * The engineering managers' report: organisation score and trend, teams ranked, movers over a
 * chosen period, the rules failing most often, coverage, a CSV export and a print layout.
 *
 * @public
 */
export const OrganisationReportPage = () => {
  const classes = useStyles();
  const api = useApi(containerScorecardApiRef);
  const alertApi = useApi(alertApiRef);
  // Period, scope and the teams' page live in the URL, so a shared link opens the same report.
  const [params, setParams] = useSearchParams();
  const days = PERIODS.includes(Number(params.get('period')))
    ? Number(params.get('period'))
    : 90;
  // The report can be limited to one department or team and everything below it.
  const group = params.get('scope') ?? '';
  const teamsPage = Math.max(0, Number(params.get('teamsPage')) || 0);
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const groups = useGroupOptions();
  const scopeTitle = group
    ? groups.value?.find(g => g.ref === group)?.title ?? group
    : 'Organisation';
  const query = { days, group: group || undefined };
  const [exporting, setExporting] = useState<'services' | 'findings'>();
  const report = useAsync(
    () => api.getOrganisationReport({ days, group: group || undefined }),
    [api, days, group],
  );

  const value = report.value;

  const exportCsv = async (kind: 'services' | 'findings') => {
    setExporting(kind);
    try {
      const csv =
        kind === 'services'
          ? await api.getReportCsv(query)
          : await api.getReportFindingsCsv(query);
      downloadText(
        csv,
        reportFileName(group || undefined, new Date(), kind),
        'text/csv',
      );
    } catch (error) {
      alertApi.post({
        message: `CSV export failed: ${(error as Error).message}`,
        severity: 'error',
      });
    } finally {
      setExporting(undefined);
    }
  };

  return (
    <Content>
      <ContentHeader
        title={`${scopeTitle} report`}
        description={`Container Scorecard, last ${days} days`}
      >
        <div className={classes.actions}>
          <FormControl>
            <InputLabel id="report-period-label">Period</InputLabel>
            <Select
              labelId="report-period-label"
              value={days}
              onChange={event =>
                update({
                  period:
                    Number(event.target.value) === 90
                      ? undefined
                      : String(event.target.value),
                })
              }
            >
              {PERIODS.map(period => (
                <MenuItem key={period} value={period}>
                  Last {period} days
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <FormControl style={{ minWidth: 220 }}>
            <InputLabel id="report-scope-label" shrink>
              Scope
            </InputLabel>
            <Select
              labelId="report-scope-label"
              value={group}
              displayEmpty
              onChange={event =>
                update({
                  scope: String(event.target.value) || undefined,
                  teamsPage: undefined,
                })
              }
            >
              <MenuItem value="">Whole organisation</MenuItem>
              {(groups.value ?? []).map(option => (
                <MenuItem key={option.ref} value={option.ref}>
                  {option.title}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
          <Button
            variant="outlined"
            color="primary"
            startIcon={<GetAppIcon />}
            onClick={() => exportCsv('services')}
            disabled={!!exporting}
          >
            {exporting === 'services' ? 'Exporting…' : 'Export CSV'}
          </Button>
          <Button
            variant="outlined"
            startIcon={<GetAppIcon />}
            onClick={() => exportCsv('findings')}
            disabled={!!exporting}
          >
            {exporting === 'findings' ? 'Exporting…' : 'Export findings'}
          </Button>
          <Button
            variant="outlined"
            startIcon={<PrintIcon />}
            onClick={() => window.print()}
          >
            Print
          </Button>
        </div>
      </ContentHeader>
      <Typography className={classes.printOnly} variant="body2">
        Scope: {group ? scopeTitle : 'the whole organisation'} · last {days}{' '}
        days
        {value ? ` · generated ${formatDateTime(value.generatedAt)}` : ''}
      </Typography>
      {report.loading && <Progress />}
      {report.error && (
        <FriendlyError
          error={report.error}
          subject={`the ${scopeTitle} report`}
          notFound="No group by that name is in the catalog, or you cannot see it. Choose another scope."
        />
      )}
      {value && (
        <Grid container spacing={3}>
          <Grid item xs={12} md={4} className={classes.printThird}>
            <InfoCard
              title={scopeTitle}
              subheader={`Generated ${formatDateTime(value.generatedAt)}`}
              className={classes.card}
              titleTypographyProps={{ component: 'h2' }}
            >
              <Box
                display="flex"
                alignItems="center"
                gridGap={16}
                marginBottom={2}
              >
                <GradeBadge grade={value.grade} size="large" />
                <Typography variant="h4" component="p">
                  {formatScore(value.score)}
                </Typography>
              </Box>
              <Typography variant="h6" component="h3">
                Coverage
              </Typography>
              <CoverageSummary coverage={value.coverage} />
            </InfoCard>
          </Grid>
          <Grid item xs={12} md={8} className={classes.printTwoThirds}>
            <InfoCard
              title={`${scopeTitle} score, last ${value.periodDays} days`}
              className={classes.card}
              titleTypographyProps={{ component: 'h2' }}
            >
              <TrendChart
                points={value.trend}
                title="Organisation score trend"
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} xl={6}>
            <InfoCard
              title="Teams ranked"
              className={classes.card}
              titleTypographyProps={{ component: 'h2' }}
            >
              <TeamsRankingTable
                teams={value.teams}
                page={teamsPage}
                onPageChange={page =>
                  update({ teamsPage: page ? String(page) : undefined })
                }
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} xl={6}>
            <InfoCard
              title="Top rules by points lost"
              className={classes.card}
              titleTypographyProps={{ component: 'h2' }}
            >
              <TopFailingRulesTable
                rules={value.topFailingRules}
                scope={group || undefined}
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} xl={6} className={classes.printHalf}>
            <InfoCard
              title={`Most improved, last ${value.periodDays} days`}
              className={classes.card}
              titleTypographyProps={{ component: 'h2' }}
            >
              <MoversTable
                movers={value.movers.improved}
                label="Most improved services"
                emptyText="No service improved in this period."
              />
            </InfoCard>
          </Grid>
          <Grid item xs={12} xl={6} className={classes.printHalf}>
            <InfoCard
              title={`Most regressed, last ${value.periodDays} days`}
              className={classes.card}
              titleTypographyProps={{ component: 'h2' }}
            >
              <MoversTable
                movers={value.movers.regressed}
                label="Most regressed services"
                emptyText="No service regressed in this period."
              />
            </InfoCard>
          </Grid>
        </Grid>
      )}
      <Box marginTop={3}>
        <ScannerStatusLine />
      </Box>
    </Content>
  );
};
