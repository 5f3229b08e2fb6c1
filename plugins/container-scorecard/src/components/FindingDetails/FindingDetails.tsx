import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ApiFinding,
  RuleSummary,
} from '@internal/plugin-container-scorecard-common';
import { useRuleLink } from '../../hooks/useRuleLink';
import { PILLAR_TITLES } from '../../presentation';
import { CodeSnippetLines } from '../CodeSnippetLines';
import { FixDiff } from '../FixDiff';
import { RuleExplanation } from '../RuleExplanation';
import { SeverityTag } from '../SeverityCounts';

const useStyles = makeStyles(theme => ({
  finding: {
    padding: theme.spacing(2, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
    breakInside: 'avoid',
  },
  heading: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  meta: { color: theme.palette.text.secondary },
  ruleId: { fontFamily: 'monospace' },
  explanation: { marginTop: theme.spacing(1) },
  summary: {
    cursor: 'pointer',
    marginBottom: theme.spacing(1),
    '&:focus-visible': { outline: `2px solid ${theme.palette.primary.main}` },
  },
  examples: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(16rem, 1fr))',
    gap: theme.spacing(1),
  },
}));

// Worst findings show their explanation straight away; the rest on request.
const OPEN_SEVERITIES: readonly ApiFinding['severity'][] = ['critical', 'high'];

/** A link to a line of a file in its SCM, when the backend knows a web address for the file. */
export function lineUrl(
  fileUrl: string | undefined,
  line: number,
): string | undefined {
  if (!fileUrl || !/^https?:/i.test(fileUrl)) return undefined;
  return `${fileUrl.replace(/#.*$/, '')}#L${line}`;
}

function snippetLines(finding: ApiFinding) {
  return finding.snippet.split('\n').map((text, i) => ({
    number: text === '…' ? undefined : finding.range.start.line + i,
    text,
  }));
}

/**
 * One finding: what is wrong, where (path and line, linked to the SCM), the offending text, why
 * it matters and how to fix it, from the rule catalogue, and the automatic fix as a diff.
 *
 * @public
 */
export const FindingDetails = (props: {
  finding: ApiFinding;
  rule?: RuleSummary;
  fileUrl?: string;
}) => {
  const classes = useStyles();
  const { finding, rule, fileUrl } = props;
  const line = finding.range.start.line;
  const location = `${finding.path}:${line}`;
  const href = lineUrl(fileUrl, line);
  const ruleHref = useRuleLink()(finding.ruleId);

  return (
    <article className={classes.finding} aria-label={finding.message}>
      <div className={classes.heading}>
        <SeverityTag severity={finding.severity} />
        <Typography variant="subtitle1" component="h4">
          {finding.message}
        </Typography>
      </div>
      <Typography variant="body2" className={classes.meta}>
        {ruleHref ? (
          <Link
            to={ruleHref}
            className={classes.ruleId}
            aria-label={`Rule ${finding.ruleId} in the rule catalogue`}
          >
            {finding.ruleId}
          </Link>
        ) : (
          <span className={classes.ruleId}>{finding.ruleId}</span>
        )}
        {rule ? ` · ${rule.title}` : ''} · {PILLAR_TITLES[finding.pillar]} ·{' '}
        {href ? (
          <Link to={href} aria-label={`Open ${location} in source control`}>
            {location}
          </Link>
        ) : (
          location
        )}
      </Typography>
      <Box marginTop={1}>
        <CodeSnippetLines
          lines={snippetLines(finding)}
          label={`Offending text at ${location}`}
        />
      </Box>
      {rule && (
        // Collapsed for the milder severities so a long list stays scannable; the summary is
        // a native disclosure, reachable and operable from the keyboard.
        <details
          className={classes.explanation}
          open={OPEN_SEVERITIES.includes(finding.severity)}
        >
          <summary className={classes.summary}>
            <Typography variant="subtitle2" component="span">
              Why it matters and how to fix it
            </Typography>
          </summary>
          <RuleExplanation rule={rule} headingComponent="h5" />
          {!finding.fix && (
            <div className={classes.examples}>
              <div>
                <Typography variant="caption" component="h6">
                  Example: before
                </Typography>
                <CodeSnippetLines
                  label="Example before"
                  lines={rule.remediation.before
                    .split('\n')
                    .map(text => ({ text, change: 'removed' as const }))}
                />
              </div>
              <div>
                <Typography variant="caption" component="h6">
                  Example: after
                </Typography>
                <CodeSnippetLines
                  label="Example after"
                  lines={rule.remediation.after
                    .split('\n')
                    .map(text => ({ text, change: 'added' as const }))}
                />
              </div>
            </div>
          )}
        </details>
      )}
      <FixDiff finding={finding} />
    </article>
  );
};
