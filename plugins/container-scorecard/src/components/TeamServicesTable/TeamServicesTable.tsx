import { Link } from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TablePagination from '@material-ui/core/TablePagination';
import TableRow from '@material-ui/core/TableRow';
import TableSortLabel from '@material-ui/core/TableSortLabel';
import Typography from '@material-ui/core/Typography';
import type {
  ServicePage,
  SeverityCounts,
  TeamScorecardQuery,
} from '@container-scorecard/plugin-container-scorecard-common';
import { ENTITY_TAB_PATH, useEntityPath } from '../../hooks/useEntityPath';
import { SEVERITY_ORDER, STATUS_LABELS, formatScore } from '../../presentation';
import { GradeBadge } from '../GradeBadge';
import { SeverityTag } from '../SeverityCounts';
import { TrendArrow } from '../TrendArrow';

type SortKey = NonNullable<TeamScorecardQuery['sort']>;

const COLUMNS: Array<{
  key: string;
  label: string;
  sort?: SortKey;
  /** Said on hover, where the label alone could mislead. */
  hint?: string;
}> = [
  { key: 'name', label: 'Service', sort: 'name' },
  { key: 'owner', label: 'Owner', sort: 'owner' },
  { key: 'score', label: 'Score', sort: 'score' },
  { key: 'grade', label: 'Grade', sort: 'grade' },
  { key: 'trend', label: 'Trend', sort: 'trend' },
  { key: 'worst', label: 'Worst rule' },
  {
    key: 'findings',
    label: 'Open findings',
    hint: 'In the container definitions and, when inspected, the images they run',
  },
];

/**
 * A service's open findings by severity, worst first, zeros left out. The counts are the
 * entity's: its container definitions' findings and, with image inspection on, its images'.
 */
const OpenFindings = (props: { counts: SeverityCounts }) => {
  const present = SEVERITY_ORDER.filter(s => (props.counts[s] ?? 0) > 0);
  if (present.length === 0) return <>None</>;
  return (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>
      {present.map(severity => (
        <SeverityTag
          key={severity}
          severity={severity}
          count={props.counts[severity]}
        />
      ))}
    </span>
  );
};

/**
 * One page of a team's services. Sorting and paging are the server's job: the table only shows
 * the rows it was given and reports clicks, so it stays fast with thousands of services.
 *
 * @public
 */
export const TeamServicesTable = (props: {
  page: ServicePage;
  sort: SortKey;
  order: 'asc' | 'desc';
  onSortChange: (sort: SortKey, order: 'asc' | 'desc') => void;
  onPageChange: (offset: number, limit: number) => void;
}) => {
  const { page, sort, order, onSortChange, onPageChange } = props;
  const entityPath = useEntityPath();

  return (
    <>
      <Table size="small" aria-label="Services of the team">
        <TableHead>
          <TableRow>
            {COLUMNS.map(column => (
              <TableCell
                key={column.key}
                title={column.hint}
                sortDirection={column.sort === sort ? order : false}
              >
                {column.sort ? (
                  <TableSortLabel
                    active={column.sort === sort}
                    direction={column.sort === sort ? order : 'asc'}
                    onClick={() =>
                      onSortChange(
                        column.sort!,
                        column.sort === sort && order === 'asc'
                          ? 'desc'
                          : 'asc',
                      )
                    }
                  >
                    {column.label}
                  </TableSortLabel>
                ) : (
                  column.label
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {page.items.length === 0 && (
            <TableRow>
              <TableCell colSpan={COLUMNS.length}>
                <Typography variant="body2" color="textSecondary">
                  No services match.
                </Typography>
              </TableCell>
            </TableRow>
          )}
          {page.items.map(service => {
            const ref = parseEntityRef(service.entityRef);
            const owner = parseEntityRef(service.owner, {
              defaultKind: 'group',
            });
            return (
              <TableRow key={service.entityRef} hover>
                <TableCell>
                  <Link to={entityPath(ref, ENTITY_TAB_PATH)}>
                    {service.title ?? ref.name}
                  </Link>
                </TableCell>
                <TableCell>
                  <Link to={entityPath(owner)}>{owner.name}</Link>
                </TableCell>
                <TableCell>
                  {service.status === 'analysed'
                    ? formatScore(service.score)
                    : STATUS_LABELS[service.status]}
                </TableCell>
                <TableCell>
                  <GradeBadge grade={service.grade} />
                </TableCell>
                <TableCell>
                  <TrendArrow delta={service.trend} />
                </TableCell>
                <TableCell>
                  {service.worstRule ? (
                    <>
                      <SeverityTag severity={service.worstRule.severity} />{' '}
                      <code>{service.worstRule.ruleId}</code> ×
                      {service.worstRule.count}
                    </>
                  ) : (
                    '–'
                  )}
                </TableCell>
                <TableCell>
                  {service.status === 'analysed' ? (
                    <OpenFindings counts={service.counts} />
                  ) : (
                    '–'
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <TablePagination
        component="div"
        count={page.totalCount}
        page={Math.floor(page.offset / page.limit)}
        rowsPerPage={page.limit}
        rowsPerPageOptions={[10, 25, 50, 100]}
        onPageChange={(_event, newPage) =>
          onPageChange(newPage * page.limit, page.limit)
        }
        onRowsPerPageChange={event =>
          onPageChange(0, Number(event.target.value))
        }
      />
    </>
  );
};
