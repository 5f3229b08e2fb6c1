import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  // Every focusable thing shows where the keyboard is, in both themes.
  '@global': {
    '*:focus-visible': {
      outline: `3px solid ${theme.palette.primary.main} !important`,
      outlineOffset: 2,
    },
  },
  skip: {
    position: 'fixed',
    left: 8,
    top: -64,
    zIndex: theme.zIndex.tooltip + 1,
    padding: theme.spacing(1, 2),
    background: theme.palette.background.paper,
    color: theme.palette.text.primary,
    border: `2px solid ${theme.palette.primary.main}`,
    borderRadius: theme.shape.borderRadius,
    fontWeight: 600,
    '&:focus': { top: 8 },
  },
}));

/**
 * "Skip to content": the first tab stop of every page, so keyboard users reach the page's own
 * actions without walking the sidebar. Moves focus to the page's main region.
 */
export const SkipLink = () => {
  const classes = useStyles();
  return (
    <a
      href="#main-content"
      className={classes.skip}
      onClick={event => {
        const main =
          document.querySelector<HTMLElement>('main') ??
          document.querySelector<HTMLElement>('[role="main"]');
        if (!main) return;
        event.preventDefault();
        main.setAttribute('tabindex', '-1');
        main.focus();
      }}
    >
      Skip to content
    </a>
  );
};
