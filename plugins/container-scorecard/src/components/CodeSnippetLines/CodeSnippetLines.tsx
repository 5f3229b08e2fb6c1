import { makeStyles } from '@material-ui/core/styles';

const useStyles = makeStyles(theme => ({
  pre: {
    margin: 0,
    padding: theme.spacing(1, 0),
    overflowX: 'auto',
    background: theme.palette.background.default,
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: theme.shape.borderRadius,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
    fontSize: '0.8125rem',
    '@media print': { whiteSpace: 'pre-wrap' },
  },
  line: { display: 'flex', padding: theme.spacing(0, 1) },
  number: {
    minWidth: '3em',
    paddingRight: theme.spacing(1.5),
    textAlign: 'right',
    color: theme.palette.text.secondary,
    userSelect: 'none',
  },
  removed: { background: 'rgba(229, 57, 53, 0.18)' },
  added: { background: 'rgba(67, 160, 71, 0.22)' },
  marker: { width: '1.5em', userSelect: 'none', flexShrink: 0 },
}));

/** One line of code, optionally marked as removed or added. */
export interface CodeLine {
  number?: number;
  text: string;
  change?: 'removed' | 'added';
}

/**
 * Lines of a file with their line numbers, as a labelled code region. Syntax colouring is left
 * out on purpose: the point is where the problem is, and plain text copies cleanly.
 *
 * @public
 */
export const CodeSnippetLines = (props: {
  lines: readonly CodeLine[];
  label: string;
}) => {
  const classes = useStyles();
  const showMarkers = props.lines.some(line => line.change);
  return (
    <pre className={classes.pre} aria-label={props.label}>
      <code>
        {props.lines.map((line, i) => (
          <div
            key={i}
            className={`${classes.line} ${
              line.change ? classes[line.change] : ''
            }`}
          >
            <span className={classes.number} aria-hidden="true">
              {line.number ?? ''}
            </span>
            {showMarkers && (
              <span className={classes.marker}>
                {line.change === 'removed' && (
                  <span aria-label="removed">-</span>
                )}
                {line.change === 'added' && <span aria-label="added">+</span>}
              </span>
            )}
            <span>{line.text || ' '}</span>
          </div>
        ))}
      </code>
    </pre>
  );
};
