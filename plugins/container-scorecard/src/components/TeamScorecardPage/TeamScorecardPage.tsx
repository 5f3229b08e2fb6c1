import {
  Content,
  ContentHeader,
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { parseEntityRef } from '@backstage/catalog-model';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import { useSearchParams } from 'react-router-dom';
import { useGroupOptions } from '../../hooks/useGroupOptions';
import { TeamScorecardView } from '../TeamScorecardView';

/**
 * The team scorecard page: pick a group, see its scorecard. The chosen team lives in the URL
 * (`?team=group:default/checkout`) so a team lead can bookmark and share it.
 *
 * @public
 */
export const TeamScorecardPage = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const selected = searchParams.get('team') ?? '';

  const groups = useGroupOptions();

  let team;
  try {
    team = selected
      ? parseEntityRef(selected, { defaultKind: 'group' })
      : undefined;
  } catch {
    team = undefined;
  }

  return (
    <Content>
      <ContentHeader title="Team scorecards" />
      {groups.error && <ResponseErrorPanel error={groups.error} />}
      {groups.loading && <Progress />}
      {groups.value && (
        <FormControl style={{ minWidth: 320, marginBottom: 24 }}>
          <InputLabel id="team-picker-label">Team</InputLabel>
          <Select
            labelId="team-picker-label"
            value={groups.value.some(g => g.ref === selected) ? selected : ''}
            onChange={event =>
              setSearchParams({ team: String(event.target.value) })
            }
          >
            {groups.value.map(group => (
              <MenuItem key={group.ref} value={group.ref}>
                {group.title}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
      )}
      {team ? (
        <TeamScorecardView
          key={selected}
          team={{ namespace: team.namespace, name: team.name }}
        />
      ) : (
        groups.value && (
          <EmptyState
            missing="field"
            title="Choose a team"
            description="Pick a team to see every service it owns, directly or through its sub-teams, with score, grade, trend and worst rule."
          />
        )
      )}
    </Content>
  );
};
