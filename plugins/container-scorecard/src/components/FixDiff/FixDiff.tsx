import { CopyTextButton } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import type { ApiFinding } from '@internal/plugin-container-scorecard-common';
import { FixHunk, fixText, previewFix } from '../../fixes/previewFix';
import { CodeLine, CodeSnippetLines } from '../CodeSnippetLines';

function linesOf(hunk: FixHunk): CodeLine[] {
  const removed: CodeLine[] = hunk.removed.map((text, i) => ({
    number: hunk.line + i,
    text,
    change: 'removed',
  }));
  const added: CodeLine[] = hunk.added.map((text, i) => ({
    number: hunk.line + i,
    text,
    change: 'added',
  }));
  return [...removed, ...added];
}

/**
 * The automatic fix of a finding as a diff, with a button that copies the replacement text.
 * Renders nothing when the finding has no fix.
 *
 * @public
 */
export const FixDiff = (props: { finding: ApiFinding }) => {
  const hunks = previewFix(props.finding);
  if (hunks.length === 0) {
    return null;
  }
  return (
    <Box marginTop={1}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle2" component="h5">
          Proposed fix
          {props.finding.fix?.description
            ? `: ${props.finding.fix.description}`
            : ''}
        </Typography>
        <CopyTextButton
          text={fixText(hunks)}
          tooltipText="Fixed text copied"
          aria-label="Copy the fixed text"
        />
      </Box>
      {hunks.map(hunk => (
        <Box key={hunk.line} marginTop={0.5}>
          {hunk.removedTextUnknown && hunk.replacedRange && (
            <Typography variant="caption" color="textSecondary" component="p">
              Replaces line {hunk.replacedRange.start.line}, column{' '}
              {hunk.replacedRange.start.column} to line{' '}
              {hunk.replacedRange.end.line}, column{' '}
              {hunk.replacedRange.end.column} with:
            </Typography>
          )}
          <CodeSnippetLines
            lines={linesOf(hunk)}
            label={`Proposed change at line ${hunk.line}`}
          />
        </Box>
      ))}
    </Box>
  );
};
