import { makeStyles } from '@material-ui/core/styles';
import type { ApiGrade } from '@container-scorecard/plugin-container-scorecard-common';
import { GRADE_COLOURS } from '../../presentation';

const useStyles = makeStyles(theme => ({
  badge: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontWeight: theme.typography.fontWeightBold as number,
    borderRadius: theme.shape.borderRadius,
    lineHeight: 1,
    '@media print': { border: '1px solid currentColor' },
  },
  small: { minWidth: 24, height: 24, fontSize: '0.875rem' },
  large: { minWidth: 48, height: 48, fontSize: '1.75rem' },
}));

/** A letter grade on its traffic-light colour; "no grade" when there is none. @public */
export const GradeBadge = (props: {
  grade?: ApiGrade;
  size?: 'small' | 'large';
}) => {
  const { grade, size = 'small' } = props;
  const classes = useStyles();
  if (!grade) {
    return <span aria-label="no grade">–</span>;
  }
  const colours = GRADE_COLOURS[grade];
  return (
    <span
      className={`${classes.badge} ${classes[size]}`}
      style={{ background: colours.background, color: colours.text }}
      aria-label={`grade ${grade}`}
      title={`Grade ${grade}`}
    >
      {grade}
    </span>
  );
};
