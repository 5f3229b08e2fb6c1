import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  fixedRegionOf,
  formatFixPatch,
  type ApiFinding,
  type ApiFixPreviewHunk,
} from '@container-scorecard/plugin-container-scorecard-common';
import { FixHunk, fixText, previewFix } from '../../fixes/previewFix';
import { CodeLine, CodeSnippetLines } from '../CodeSnippetLines';
import { CopyButton } from '../CopyButton';

/** The lines of one hunk, numbered as in the file before (context, removed) and after (added). */
export function numberedLines(hunk: ApiFixPreviewHunk): CodeLine[] {
  let oldLine = hunk.oldStart;
  let newLine = hunk.newStart;
  return hunk.lines.map(line => {
    if (line.kind === 'added') {
      return { number: newLine++, text: line.text, change: 'added' as const };
    }
    if (line.kind === 'removed') {
      return { number: oldLine++, text: line.text, change: 'removed' as const };
    }
    oldLine++;
    newLine++;
    return { number: oldLine - 1, text: line.text };
  });
}

function legacyLines(hunk: FixHunk): CodeLine[] {
  return [
    ...hunk.removed.map((text, i) => ({
      number: hunk.line + i,
      text,
      change: 'removed' as const,
    })),
    ...hunk.added.map((text, i) => ({
      number: hunk.line + i,
      text,
      change: 'added' as const,
    })),
  ];
}

/**
 * The automatic fix of a finding as a unified diff of the file's whole lines (removed in red,
 * added in green, context around), with buttons that copy the patch and the fixed lines. Renders
 * nothing when the finding has no fix.
 *
 * @public
 */
export const FixDiff = (props: { finding: ApiFinding }) => {
  const { finding } = props;
  const preview = finding.fix?.preview;
  if (preview && preview.hunks.length > 0) {
    const patch = formatFixPatch(finding.path, preview);
    const fixed = fixedRegionOf(preview);
    return (
      <Box marginTop={1}>
        <Box
          display="flex"
          alignItems="center"
          justifyContent="space-between"
          flexWrap="wrap"
          gridGap={8}
        >
          <Typography variant="subtitle2" component="h5">
            Automatic fix
          </Typography>
          <Box display="flex" flexWrap="wrap" gridGap={8}>
            <CopyButton
              text={patch}
              label="Copy patch"
              ariaLabel={`Copy the patch for ${finding.path}:${finding.range.start.line}`}
              copiedMessage="Patch copied"
            />
            <CopyButton
              text={fixed}
              label="Copy fixed lines"
              ariaLabel={`Copy the fixed lines for ${finding.path}:${finding.range.start.line}`}
              copiedMessage="Fixed lines copied"
            />
          </Box>
        </Box>
        {preview.hunks.map(hunk => (
          <Box key={hunk.oldStart} marginTop={0.5}>
            <CodeSnippetLines
              lines={numberedLines(hunk)}
              label={`Diff of the fix from line ${hunk.oldStart}`}
            />
          </Box>
        ))}
      </Box>
    );
  }

  // Results stored before fixes carried their diff: what the snippet alone can show.
  const hunks = previewFix(finding);
  if (hunks.length === 0) return null;
  const text = fixText(hunks);
  return (
    <Box marginTop={1}>
      <Box display="flex" alignItems="center" justifyContent="space-between">
        <Typography variant="subtitle2" component="h5">
          Automatic fix
        </Typography>
        <CopyButton
          text={text}
          label="Copy fixed text"
          copiedMessage="Fixed text copied"
        />
      </Box>
      {hunks.map(hunk => (
        <Box key={hunk.line} marginTop={0.5}>
          {hunk.removedTextUnknown && hunk.replacedRange && (
            <Typography variant="caption" color="textSecondary" component="p">
              {hunk.added.length === 0 ? 'Deletes' : 'Replaces'} line{' '}
              {hunk.replacedRange.start.line}, column{' '}
              {hunk.replacedRange.start.column} to line{' '}
              {hunk.replacedRange.end.line}, column{' '}
              {hunk.replacedRange.end.column}
              {hunk.added.length === 0 ? '.' : ' with:'} Rescan for the full
              diff.
            </Typography>
          )}
          {(hunk.removed.length > 0 || hunk.added.length > 0) && (
            <CodeSnippetLines
              lines={legacyLines(hunk)}
              label={`Proposed change at line ${hunk.line}`}
            />
          )}
        </Box>
      ))}
    </Box>
  );
};
