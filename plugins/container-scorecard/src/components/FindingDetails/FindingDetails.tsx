import { Link } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ApiFinding,
  FileScorecard,
} from '@container-scorecard/plugin-container-scorecard-common';
import { CodeSnippetLines } from '../CodeSnippetLines';
import { pathInSource, renderedFromSentence } from '../FileOrigin';
import { FindingHeadline } from '../FindingHeadline';
import { FixDiff } from '../FixDiff';

const useStyles = makeStyles(theme => ({
  finding: {
    padding: theme.spacing(1.5, 0),
    borderTop: `1px solid ${theme.palette.divider}`,
    breakInside: 'avoid',
  },
  heading: {
    display: 'flex',
    alignItems: 'baseline',
    gap: theme.spacing(1),
    flexWrap: 'wrap',
  },
  meta: { color: theme.palette.text.secondary },
}));

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
 * One occurrence of a rule: where (path and line, linked to the SCM), what it costs, the
 * offending text and, when the rule can fix it, the fix as a diff of the finding's own lines.
 * The rule's rationale is shown once for all its occurrences (see RuleFindingsGroup).
 *
 * @public
 */
export const FindingDetails = (props: {
  finding: ApiFinding;
  fileUrl?: string;
  /** The file's source and rendering: where a rendered finding's text came from. */
  file?: Pick<FileScorecard, 'source' | 'rendering'>;
}) => {
  const classes = useStyles();
  const { finding, fileUrl, file } = props;
  const line = finding.range.start.line;
  const path = pathInSource(finding.path, file?.source);
  const { renderedFrom } = finding;
  // A value from a Helm values file is changed at its key: `values.yaml: securityContext.privileged`.
  const location = renderedFrom?.valuesKey
    ? `${path}: ${renderedFrom.valuesKey}`
    : `${path}:${line}`;
  // A finding in another file than its result's (a values file, a Kustomize base or patch) has a
  // link of its own, to its line; the others link to their line of the result's file.
  const href = /^https?:/i.test(finding.url ?? '')
    ? finding.url
    : lineUrl(fileUrl, line);
  const hasDiff = !!finding.fix?.preview?.hunks.length;
  const renderedFromText =
    renderedFrom &&
    renderedFromSentence(renderedFrom, file?.rendering, file?.source);

  return (
    <article
      className={classes.finding}
      aria-label={`${finding.message} (${location})`}
      id={findingAnchor(finding)}
    >
      <div className={classes.heading}>
        <Typography variant="body2" component="h5" className={classes.meta}>
          {href ? (
            <Link to={href} aria-label={`Open ${location} in source control`}>
              {location}
            </Link>
          ) : (
            location
          )}
        </Typography>
        <FindingHeadline finding={finding} />
      </div>
      {renderedFromText && (
        <Typography
          variant="body2"
          className={classes.meta}
          data-testid="rendered-from"
        >
          {renderedFromText}
        </Typography>
      )}
      {!hasDiff && (
        <Box marginTop={1}>
          <CodeSnippetLines
            lines={snippetLines(finding)}
            label={`Offending text at ${location}`}
          />
        </Box>
      )}
      <FixDiff finding={finding} />
    </article>
  );
};

/** The id of a finding's element, so a plan can link to it. */
export function findingAnchor(
  finding: Pick<ApiFinding, 'path' | 'ruleId' | 'range'>,
): string {
  return `finding-${finding.path}-${finding.ruleId}-${finding.range.start.line}-${finding.range.start.column}`.replace(
    /[^A-Za-z0-9_-]/g,
    '_',
  );
}
