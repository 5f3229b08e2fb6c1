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
} from '@container-scorecard/plugin-container-scorecard-common';
import { ENTITY_TAB_PATH, useEntityPath } from '../../hooks/useEntityPath';
import { useRuleLink } from '../../hooks/useRuleLink';
import { PILLAR_TITLES, formatDelta, formatScore } from '../../presentation';
import { GradeBadge } from '../GradeBadge';
import { SeverityTag } from '../SeverityCounts';
import { TrendArrow } from '../TrendArrow';

const TEAMS_PER_PAGE = 10;

/** Teams ranked by score, a page at a time: large organisations have hundreds of teams. */
export const TeamsRankingTable = (props: {
  teams: readonly TeamRanking[];
  /** The page shown, when the caller keeps it (in the URL); otherwise kept here. */
  page?: number;
  onPageChange?: (page: number) => void;
}) => {
  const entityPath = useEntityPath();
  const [ownPage, setOwnPage] = useState(0);
  const lastPage = Math.max(
    0,
    Math.ceil(props.teams.length / TEAMS_PER_PAGE) - 1,
  );
  const page = Math.min(props.page ?? ownPage, lastPage);
  const setPage = props.onPageChange ?? setOwnPage;
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
      <Table
        size="small"
        aria-label="Teams ranked by score"
        style={{ minWidth: 480 }}
      >
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
    <Table size="small" aria-label={props.label} style={{ minWidth: 480 }}>
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

/**
 * The rules that cost the most points across the scope (services failing each alongside), each
 * linking to its entry in the rule catalogue, which lists the services failing it.
 */
export const TopFailingRulesTable = (props: {
  rules: readonly FailingRule[];
  /** The report's scope, carried to the catalogue so it lists the same services. */
  scope?: string;
}) => {
  const ruleLink = useRuleLink();
  if (props.rules.length === 0) {
    return (
      <Typography variant="body2">
        No rule fails anywhere. Well done.
      </Typography>
    );
  }
  return (
    // A minimum width: on a phone the table scrolls inside its card instead of squeezing the
    // rule names to a letter per line.
    <Table
      size="small"
      aria-label="Top rules by points lost"
      style={{ minWidth: 560 }}
    >
      <TableHead>
        <TableRow>
          <TableCell>Rule</TableCell>
          <TableCell>Severity</TableCell>
          <TableCell align="right">Points lost</TableCell>
          <TableCell align="right">Services failing</TableCell>
          <TableCell align="right">Findings</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rules.map(rule => {
          const href = ruleLink(rule.ruleId, props.scope);
          return (
            <TableRow key={rule.ruleId}>
              <TableCell>
                {href ? (
                  <Link
                    to={href}
                    aria-label={`${
                      rule.title ?? rule.ruleId
                    }: services failing it`}
                  >
                    {rule.title ?? rule.ruleId}
                  </Link>
                ) : (
                  rule.title ?? rule.ruleId
                )}
                <Typography
                  variant="caption"
                  component="div"
                  color="textSecondary"
                >
                  <code>{rule.ruleId}</code> · {PILLAR_TITLES[rule.pillar]}
                </Typography>
              </TableCell>
              <TableCell>
                <SeverityTag severity={rule.severity} />
              </TableCell>
              <TableCell align="right">
                {rule.points === undefined ? '–' : Math.round(rule.points)}
              </TableCell>
              <TableCell align="right">{rule.services}</TableCell>
              <TableCell align="right">{rule.findings}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
};
