import { useEffect, useMemo, useState } from 'react';
import { useLocation } from 'react-router-dom';
import {
  Content,
  ContentHeader,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import FormControl from '@material-ui/core/FormControl';
import Grid from '@material-ui/core/Grid';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Select from '@material-ui/core/Select';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type {
  ApiPillar,
  RuleSummary,
} from '@internal/plugin-container-scorecard-common';
import useAsync from 'react-use/esm/useAsync';
import { containerScorecardApiRef } from '../../api';
import { PILLAR_TITLES, SEVERITY_ORDER } from '../../presentation';
import { HowScoresAreMade } from '../HowScoresAreMade';
import { RuleCard } from './RuleCard';

function matches(rule: RuleSummary, text: string): boolean {
  const needle = text.trim().toLocaleLowerCase();
  if (!needle) return true;
  return [rule.id, rule.title, rule.message, ...Object.values(rule.equivalents)]
    .join(' ')
    .toLocaleLowerCase()
    .includes(needle);
}

/**
 * The rule catalogue: every rule of the running ruleset grouped by pillar, with rationale,
 * before/after examples and equivalents in other tools; searchable by id, title or the id a
 * team knows from hadolint, Trivy or Checkov.
 *
 * @public
 */
export const RuleCataloguePage = () => {
  const api = useApi(containerScorecardApiRef);
  const { value, loading, error } = useAsync(() => api.getRules(), [api]);
  const [search, setSearch] = useState('');
  const [pillar, setPillar] = useState<ApiPillar | ''>('');

  // A link from a finding ends in #rule-id; the rule only exists once the catalogue has loaded,
  // so the browser's own jump to the anchor happens too early.
  const { hash } = useLocation();
  useEffect(() => {
    if (!value || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView?.({ block: 'start' });
  }, [value, hash]);

  const groups = useMemo(() => {
    const rules = (value?.rules ?? [])
      .filter(rule => (pillar ? rule.pillar === pillar : true))
      .filter(rule => matches(rule, search))
      .sort(
        (a, b) =>
          SEVERITY_ORDER.indexOf(a.severity) -
            SEVERITY_ORDER.indexOf(b.severity) || a.id.localeCompare(b.id),
      );
    return (Object.keys(PILLAR_TITLES) as ApiPillar[])
      .map(id => ({
        pillar: id,
        rules: rules.filter(rule => rule.pillar === id),
      }))
      .filter(group => group.rules.length > 0);
  }, [value, search, pillar]);

  return (
    <Content>
      <ContentHeader
        title="Rule catalogue"
        description={
          value
            ? `Ruleset ${value.rulesetVersion}, ${value.rules.length} rules`
            : undefined
        }
      />
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && (
        <>
          <Box
            display="flex"
            gridGap={24}
            flexWrap="wrap"
            marginBottom={3}
            role="search"
            aria-label="Filter rules"
          >
            <TextField
              id="rule-search"
              label="Search rules"
              helperText="Id, title, message, or hadolint/Trivy/Checkov id"
              value={search}
              onChange={event => setSearch(event.target.value)}
            />
            <FormControl style={{ minWidth: 280 }}>
              <InputLabel id="rule-pillar-label">Pillar</InputLabel>
              <Select
                labelId="rule-pillar-label"
                value={pillar}
                onChange={event =>
                  setPillar(event.target.value as ApiPillar | '')
                }
              >
                <MenuItem value="">All pillars</MenuItem>
                {(Object.keys(PILLAR_TITLES) as ApiPillar[]).map(id => (
                  <MenuItem key={id} value={id}>
                    {PILLAR_TITLES[id]}
                  </MenuItem>
                ))}
              </Select>
            </FormControl>
          </Box>
          {groups.length === 0 && (
            <Typography variant="body1">
              No rule matches these filters.
            </Typography>
          )}
          {groups.map(group => (
            <section
              key={group.pillar}
              aria-labelledby={`pillar-heading-${group.pillar}`}
            >
              <Typography
                variant="h5"
                component="h2"
                id={`pillar-heading-${group.pillar}`}
                gutterBottom
              >
                {PILLAR_TITLES[group.pillar]} ({group.rules.length})
              </Typography>
              <Grid container spacing={3} style={{ marginBottom: 24 }}>
                {group.rules.map(rule => (
                  <Grid item xs={12} lg={6} key={rule.id} id={rule.id}>
                    <RuleCard rule={rule} />
                  </Grid>
                ))}
              </Grid>
            </section>
          ))}
        </>
      )}
      <HowScoresAreMade />
    </Content>
  );
};
