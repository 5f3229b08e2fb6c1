import { Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import type {
  FailingRule,
  Mover,
  TeamRanking,
} from '@internal/plugin-container-scorecard-common';
import { ENTITY_TAB_PATH, useEntityPath } from '../../hooks/useEntityPath';
import { PILLAR_TITLES, formatDelta, formatScore } from '../../presentation';
import { GradeBadge } from '../GradeBadge';
import { SeverityTag } from '../SeverityCounts';
import { TrendArrow } from '../TrendArrow';

const TEAMS_PER_PAGE = 10;

/** Teams ranked by score, a page at a time: large organisations have hundreds of teams. */
export const TeamsRankingTable = (props: { teams: readonly TeamRanking[] }) => {
  const entityPath = useEntityPath();
  const [page, setPage] = useState(0);
  if (props.teams.length === 0) {
    return (
      <Typography variant="body2">
        No teams own scanned services yet.
      </Typography>
    );
  }
  const rows = props.teams.slice(
    page * TEAMS_PER_PAGE,
    (page + 1) * TEAMS_PER_PAGE,
  );
  return (
    <>
      <Table size="small" aria-label="Teams ranked by score">
        <TableHead>
          <TableRow>
            <TableCell>Rank</TableCell>
            <TableCell>Team</TableCell>
            <TableCell align="right">Score</TableCell>
            <TableCell>Grade</TableCell>
            <TableCell>Change</TableCell>
            <TableCell align="right">Services analysed</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((team, i) => {
            const ref = parseEntityRef(team.teamRef, { defaultKind: 'group' });
            return (
              <TableRow key={team.teamRef}>
                <TableCell>{page * TEAMS_PER_PAGE + i + 1}</TableCell>
                <TableCell>
                  <Link to={entityPath(ref, ENTITY_TAB_PATH)}>
                    {team.title ?? ref.name}
                  </Link>
                </TableCell>
                <TableCell align="right">{formatScore(team.score)}</TableCell>
                <TableCell>
                  <GradeBadge grade={team.grade} />
                </TableCell>
                <TableCell>
                  <TrendArrow delta={team.delta} />
                </TableCell>
                <TableCell align="right">
                  {team.analysedCount} / {team.serviceCount}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {props.teams.length > TEAMS_PER_PAGE && (
        <TablePagination
          component="div"
          count={props.teams.length}
          page={page}
          rowsPerPage={TEAMS_PER_PAGE}
          rowsPerPageOptions={[TEAMS_PER_PAGE]}
          onPageChange={(_event, next) => setPage(next)}
        />
      )}
    </>
  );
};

/** Services whose score moved most over the period, one direction per table. */
export const MoversTable = (props: {
  movers: readonly Mover[];
  label: string;
  emptyText: string;
}) => {
  const entityPath = useEntityPath();
  if (props.movers.length === 0) {
    return <Typography variant="body2">{props.emptyText}</Typography>;
  }
  return (
    <Table size="small" aria-label={props.label}>
      <TableHead>
        <TableRow>
          <TableCell>Service</TableCell>
          <TableCell>Owner</TableCell>
          <TableCell align="right">From</TableCell>
          <TableCell align="right">To</TableCell>
          <TableCell align="right">Change</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.movers.map(mover => {
          const ref = parseEntityRef(mover.entityRef);
          const owner = parseEntityRef(mover.owner, { defaultKind: 'group' });
          return (
            <TableRow key={mover.entityRef}>
              <TableCell>
                <Link to={entityPath(ref, ENTITY_TAB_PATH)}>
                  {mover.title ?? ref.name}
                </Link>
                {mover.rulesetChanged && (
                  <Typography
                    variant="caption"
                    color="textSecondary"
                    component="div"
                  >
                    The ruleset changed in this period: part of the move may
                    come from the rules.
                  </Typography>
                )}
              </TableCell>
              <TableCell>{owner.name}</TableCell>
              <TableCell align="right">{formatScore(mover.from)}</TableCell>
              <TableCell align="right">{formatScore(mover.to)}</TableCell>
              <TableCell align="right">{formatDelta(mover.delta)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};

/** The rules failing most often across the organisation, with how many findings and services. */
export const TopFailingRulesTable = (props: {
  rules: readonly FailingRule[];
}) => {
  if (props.rules.length === 0) {
    return (
      <Typography variant="body2">
        No rule fails anywhere. Well done.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Top failing rules">
      <TableHead>
        <TableRow>
          <TableCell>Rule</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell>Pillar</TableCell>
          <TableCell align="right">Findings</TableCell>
          <TableCell align="right">Services</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rules.map(rule => (
          <TableRow key={rule.ruleId}>
            <TableCell>
              <code>{rule.ruleId}</code>
              {rule.title && (
                <Typography variant="body2" component="div">
                  {rule.title}
                </Typography>
              )}
            </TableCell>
            <TableCell>
              <SeverityTag severity={rule.severity} />
            </TableCell>
            <TableCell>{PILLAR_TITLES[rule.pillar]}</TableCell>
            <TableCell align="right">{rule.findings}</TableCell>
            <TableCell align="right">{rule.services}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
