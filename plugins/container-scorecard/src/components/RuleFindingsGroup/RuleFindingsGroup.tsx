import { Fragment, type ReactNode } from 'react';
import { Link } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ApiFinding,
  FileScorecard,
  RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import { useRuleLink } from '../../hooks/useRuleLink';
import { PILLAR_TITLES, formatPoints } from '../../presentation';
import { FindingDetails } from '../FindingDetails';
import { RuleExplanation } from '../RuleExplanation';
import { SeverityTag } from '../SeverityCounts';

const useStyles = makeStyles(theme => ({
  group: {
    borderTop: `1px solid ${theme.palette.divider}`,
    padding: theme.spacing(1, 0),
    breakInside: 'avoid-page',
  },
  summary: {
    cursor: 'pointer',
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
    padding: theme.spacing(0.5, 0),
    listStylePosition: 'inside',
    '&:focus-visible': {
      outline: `3px solid ${theme.palette.primary.main}`,
      outlineOffset: 2,
    },
  },
  title: { flex: '1 1 16rem' },
  meta: { color: theme.palette.text.secondary },
  ruleId: { fontFamily: 'monospace' },
  body: { paddingLeft: theme.spacing(2) },
}));

/** The findings of one rule in one file, with what they cost together. */
export interface RuleGroup {
  ruleId: string;
  severity: ApiFinding['severity'];
  pillar: ApiFinding['pillar'];
  findings: ApiFinding[];
  points: number;
}

/** Groups findings by rule: the worst severity first, then the most points lost, then the id. */
export function groupByRule(findings: readonly ApiFinding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  for (const finding of findings) {
    const group = groups.get(finding.ruleId) ?? {
      ruleId: finding.ruleId,
      severity: finding.severity,
      pillar: finding.pillar,
      findings: [],
      points: 0,
    };
    group.findings.push(finding);
    group.points += finding.penalty ?? 0;
    groups.set(finding.ruleId, group);
  }
  const order = ['critical', 'high', 'medium', 'low', 'info'];
  return [...groups.values()].sort(
    (a, b) =>
      order.indexOf(a.severity) - order.indexOf(b.severity) ||
      b.points - a.points ||
      a.ruleId.localeCompare(b.ruleId),
  );
}

/**
 * One rule and its occurrences in a file: the rule's rationale and remedy once, then each
 * occurrence with its own lines and fix. A native disclosure, open by default only for the
 * most severe groups, so a long list reads in a minute.
 *
 * @public
 */
export const RuleFindingsGroup = (props: {
  group: RuleGroup;
  rule?: RuleSummary;
  fileUrl?: string;
  /** The file's source and rendering, which say where a finding's text came from. */
  file?: Pick<FileScorecard, 'source' | 'rendering'>;
  defaultOpen: boolean;
  /**
   * Renders one occurrence instead of FindingDetails: an image finding has no file line, only the
   * config value it is about.
   */
  renderFinding?: (finding: ApiFinding) => ReactNode;
  /** False when the rule catalogue has no entry for the rule, so the id is not a dead link. */
  linkRule?: boolean;
}) => {
  const classes = useStyles();
  const { group, rule, fileUrl, renderFinding, linkRule = true } = props;
  const ruleLink = useRuleLink()(group.ruleId);
  const ruleHref = linkRule ? ruleLink : undefined;
  const count = group.findings.length;
  return (
    <details
      className={classes.group}
      open={props.defaultOpen}
      aria-label={`${rule?.title ?? group.ruleId}: ${count} finding${
        count === 1 ? '' : 's'
      }`}
    >
      <summary className={classes.summary}>
        <SeverityTag severity={group.severity} />
        <Typography
          variant="subtitle1"
          component="h4"
          className={classes.title}
        >
          {rule?.title ?? group.findings[0].message}
        </Typography>
        <Typography variant="body2" className={classes.meta} component="span">
          {count} finding{count === 1 ? '' : 's'}
          {group.points > 0 && ` · −${formatPoints(group.points)}`}
          {group.findings.some(f => f.fix) && ' · automatic fix'}
        </Typography>
      </summary>
      <div className={classes.body}>
        <Typography variant="body2" className={classes.meta} paragraph>
          {ruleHref ? (
            <Link
              to={ruleHref}
              className={classes.ruleId}
              aria-label={`Rule ${group.ruleId} in the rule catalogue`}
            >
              {group.ruleId}
            </Link>
          ) : (
            <span className={classes.ruleId}>{group.ruleId}</span>
          )}{' '}
          · {PILLAR_TITLES[group.pillar]}
        </Typography>
        {rule && <RuleExplanation rule={rule} headingComponent="h5" />}
        {group.findings.map((finding, i) => (
          <Fragment
            key={`${finding.range.start.line}-${finding.range.start.column}-${i}`}
          >
            {renderFinding ? (
              renderFinding(finding)
            ) : (
              <FindingDetails
                finding={finding}
                fileUrl={fileUrl}
                file={props.file}
              />
            )}
          </Fragment>
        ))}
      </div>
    </details>
  );
};
