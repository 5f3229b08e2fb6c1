import { useEffect, useState } from 'react';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import FileCopyOutlined from '@material-ui/icons/FileCopyOutlined';

type CopyState =
  | { kind: 'idle' }
  | { kind: 'copied' }
  | { kind: 'failed'; reason: string };

/**
 * Copies a text to the clipboard and says so only once the browser has confirmed it: a button
 * with nothing to copy is disabled, and a refusal (no permission, an insecure page) is reported
 * instead of a success.
 *
 * @public
 */
export const CopyButton = (props: {
  text: string;
  /** What the button does, e.g. "Copy patch". */
  label: string;
  /** The accessible name when it says more than the label. */
  ariaLabel?: string;
  /** What is said once copied, e.g. "Patch copied". */
  copiedMessage: string;
}) => {
  const { text, label, ariaLabel, copiedMessage } = props;
  const [state, setState] = useState<CopyState>({ kind: 'idle' });
  useEffect(() => {
    if (state.kind !== 'copied') return undefined;
    const timer = setTimeout(() => setState({ kind: 'idle' }), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    try {
      if (!navigator.clipboard)
        throw new Error('the clipboard is not available here');
      await navigator.clipboard.writeText(text);
      setState({ kind: 'copied' });
    } catch (e) {
      setState({ kind: 'failed', reason: (e as Error)?.message ?? String(e) });
    }
  };

  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <Button
        size="small"
        variant="outlined"
        startIcon={<FileCopyOutlined fontSize="small" />}
        onClick={copy}
        disabled={text.length === 0}
        aria-label={ariaLabel}
      >
        {label}
      </Button>
      <Typography
        variant="caption"
        role="status"
        color={state.kind === 'failed' ? 'error' : 'textSecondary'}
      >
        {state.kind === 'copied' && copiedMessage}
        {state.kind === 'failed' && `Could not copy: ${state.reason}`}
      </Typography>
    </span>
  );
};
