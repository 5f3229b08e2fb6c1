import Checkbox from '@material-ui/core/Checkbox';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormGroup from '@material-ui/core/FormGroup';
import FormLabel from '@material-ui/core/FormLabel';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import { makeStyles } from '@material-ui/core/styles';
import type {
  ApiGrade,
  ScorecardStatus,
} from '@container-scorecard/plugin-container-scorecard-common';
import { STATUS_LABELS } from '../../presentation';

const GRADES: ApiGrade[] = ['A', 'B', 'C', 'D', 'F'];

const useStyles = makeStyles(theme => ({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: theme.spacing(3),
    marginBottom: theme.spacing(2),
    '@media print': { display: 'none' },
  },
  status: { minWidth: 220 },
}));

/** The filters a team scorecard sends to the server. */
export interface TeamFilterValues {
  q: string;
  grade: ApiGrade[];
  status?: ScorecardStatus;
}

/** Search text, grades and status for the team's services table; every control is labelled. */
export const TeamFilters = (props: {
  value: TeamFilterValues;
  onChange: (value: TeamFilterValues) => void;
}) => {
  const classes = useStyles();
  const { value, onChange } = props;
  const toggleGrade = (grade: ApiGrade) =>
    onChange({
      ...value,
      grade: value.grade.includes(grade)
        ? value.grade.filter(g => g !== grade)
        : [...value.grade, grade].sort(),
    });

  return (
    <div className={classes.root} role="search" aria-label="Filter services">
      <TextField
        id="team-service-search"
        label="Search services"
        helperText="Name, title or worst rule"
        value={value.q}
        onChange={event => onChange({ ...value, q: event.target.value })}
        inputProps={{ maxLength: 200 }}
      />
      <FormControl component="fieldset">
        <FormLabel component="legend">Grade</FormLabel>
        <FormGroup row>
          {GRADES.map(grade => (
            <FormControlLabel
              key={grade}
              control={
                <Checkbox
                  size="small"
                  checked={value.grade.includes(grade)}
                  onChange={() => toggleGrade(grade)}
                  name={`grade-${grade}`}
                />
              }
              label={grade}
            />
          ))}
        </FormGroup>
      </FormControl>
      <FormControl className={classes.status}>
        <InputLabel id="team-status-filter">Status</InputLabel>
        <Select
          labelId="team-status-filter"
          value={value.status ?? ''}
          onChange={event =>
            onChange({
              ...value,
              status: (event.target.value as ScorecardStatus) || undefined,
            })
          }
        >
          <MenuItem value="">Any status</MenuItem>
          {(Object.keys(STATUS_LABELS) as ScorecardStatus[]).map(status => (
            <MenuItem key={status} value={status}>
              {STATUS_LABELS[status]}
            </MenuItem>
          ))}
        </Select>
      </FormControl>
    </div>
  );
};
