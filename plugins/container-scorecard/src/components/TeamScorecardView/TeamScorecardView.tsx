import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type {
  ApiGrade,
  ScorecardStatus,
  TeamScorecardQuery,
} from '@container-scorecard/plugin-container-scorecard-common';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { containerScorecardApiRef, TeamRef } from '../../api';
import { formatScore } from '../../presentation';
import { GradeBadge } from '../GradeBadge';
import { TeamServicesTable } from '../TeamServicesTable';
import { TrendChart } from '../TrendChart';
import { FriendlyError } from '../FriendlyError';
import { TeamFilters, TeamFilterValues } from './TeamFilters';

type SortKey = NonNullable<TeamScorecardQuery['sort']>;

const GRADES: readonly ApiGrade[] = ['A', 'B', 'C', 'D', 'F'];
const STATUSES: readonly ScorecardStatus[] = [
  'analysed',
  'could-not-analyse',
  'no-definitions',
  'not-scanned',
];
const SORT_KEYS: readonly SortKey[] = [
  'name',
  'score',
  'grade',
  'trend',
  'owner',
];

/**
 * A team's scorecard: overall score and grade, its trend, and every service it owns directly or
 * through sub-groups in a table that sorts, filters and pages on the server.
 *
 * @public
 */
export const TeamScorecardView = (props: {
  team: TeamRef;
  /** Set for a System or Domain: its services instead of a team's. */
  rollup?: 'system' | 'domain';
}) => {
  const noun = props.rollup
    ? { system: 'System', domain: 'Domain' }[props.rollup]
    : 'Team';
  const api = useApi(containerScorecardApiRef);
  // Search, filters, sort and page start from the URL and are kept in it, so a link shares the
  // exact list a team lead is looking at.
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<TeamFilterValues>(() => ({
    q: params.get('q') ?? '',
    grade: (params.get('grade') ?? '')
      .split(',')
      .filter((g): g is ApiGrade => GRADES.includes(g as ApiGrade)),
    ...(STATUSES.includes(params.get('status') as ScorecardStatus)
      ? { status: params.get('status') as ScorecardStatus }
      : {}),
  }));
  // Typing in the search box should not send one request per keystroke.
  const [q, setQ] = useState(filters.q);
  useDebounce(() => setQ(filters.q), 300, [filters.q]);
  const [sort, setSort] = useState<{ sort: SortKey; order: 'asc' | 'desc' }>(
    () => ({
      sort: SORT_KEYS.includes(params.get('sort') as SortKey)
        ? (params.get('sort') as SortKey)
        : 'score',
      order: params.get('order') === 'desc' ? 'desc' : 'asc',
    }),
  );
  const [paging, setPaging] = useState(() => ({
    offset: Math.max(0, Number(params.get('offset')) || 0),
    limit: [10, 25, 50, 100].includes(Number(params.get('limit')))
      ? Number(params.get('limit'))
      : 25,
  }));
  useEffect(() => {
    const next = new URLSearchParams(params);
    const entries: Record<string, string | undefined> = {
      q: q || undefined,
      grade: filters.grade.length ? filters.grade.join(',') : undefined,
      status: filters.status,
      sort: sort.sort === 'score' ? undefined : sort.sort,
      order: sort.order === 'asc' ? undefined : sort.order,
      offset: paging.offset ? String(paging.offset) : undefined,
      limit: paging.limit === 25 ? undefined : String(paging.limit),
    };
    for (const [key, v] of Object.entries(entries)) {
      if (v) next.set(key, v);
      else next.delete(key);
    }
    if (next.toString() !== params.toString()) {
      setParams(next, { replace: true });
    }
  }, [q, filters.grade, filters.status, sort, paging, params, setParams]);

  const { namespace, name } = props.team;
  const { value, loading, error } = useAsync(() => {
    const query: TeamScorecardQuery = {
      days: 90,
      q,
      grade: filters.grade,
      status: filters.status,
      sort: sort.sort,
      order: sort.order,
      offset: paging.offset,
      limit: paging.limit,
    };
    return props.rollup
      ? api.getRollupScorecard(props.rollup, { namespace, name }, query)
      : api.getTeamScorecard({ namespace, name }, query);
  }, [
    api,
    props.rollup,
    namespace,
    name,
    q,
    filters.grade,
    filters.status,
    sort,
    paging,
  ]);
  // Keep showing the last page while the next one loads, so the table does not jump.
  const [shown, setShown] = useState(value);
  if (value && value !== shown) setShown(value);

  const changeFilters = (next: TeamFilterValues) => {
    setFilters(next);
    setPaging(current => ({ ...current, offset: 0 }));
  };

  if (!shown) {
    return error ? (
      <FriendlyError
        error={error}
        subject={`the ${noun.toLowerCase()} ${name}`}
        notFound={`No ${noun.toLowerCase()} named ${name} is in the catalog, or you cannot see it. Check the link.`}
      />
    ) : (
      <Progress />
    );
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <InfoCard
          title={shown.title ?? name}
          subheader={`${noun} score`}
          titleTypographyProps={{ component: 'h2' }}
        >
          <Box display="flex" alignItems="center" gridGap={16}>
            <GradeBadge grade={shown.grade} size="large" />
            <Typography variant="h4" component="p">
              {formatScore(shown.score)}
            </Typography>
          </Box>
          <Typography variant="body2" style={{ marginTop: 16 }}>
            {shown.analysedCount} of {shown.serviceCount} services analysed
          </Typography>
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard
          title={`${noun} score over the last 90 days`}
          titleTypographyProps={{ component: 'h2' }}
        >
          <TrendChart points={shown.trend} title={`${noun} score trend`} />
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <InfoCard
          title={`Services (${shown.serviceCount})`}
          titleTypographyProps={{ component: 'h2' }}
        >
          <TeamFilters value={filters} onChange={changeFilters} />
          {error && (
            <FriendlyError error={error} subject="this page of services" />
          )}
          <div aria-live="polite" aria-busy={loading}>
            {loading ? (
              <LinearProgress aria-label="Loading services" />
            ) : (
              <Box height={4} />
            )}
            {shown.serviceCount === 0 ? (
              <Typography variant="body1">
                {props.rollup
                  ? `No service in scope is part of this ${props.rollup}.`
                  : 'This team owns no services, directly or through its sub-teams.'}
              </Typography>
            ) : (
              <TeamServicesTable
                page={shown.services}
                sort={sort.sort}
                order={sort.order}
                onSortChange={(nextSort, order) => {
                  setSort({ sort: nextSort, order });
                  setPaging(current => ({ ...current, offset: 0 }));
                }}
                onPageChange={(offset, limit) => setPaging({ offset, limit })}
              />
            )}
          </div>
        </InfoCard>
      </Grid>
    </Grid>
  );
};
