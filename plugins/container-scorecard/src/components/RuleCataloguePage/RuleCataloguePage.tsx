import { useEffect, useMemo } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
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
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import NativeSelect from '@material-ui/core/NativeSelect';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type {
  ApiPillar,
  ApiSeverity,
  RuleSummary,
} from '@container-scorecard/plugin-container-scorecard-common';
import useAsync from 'react-use/esm/useAsync';
import { containerScorecardApiRef } from '../../api';
import { useGroupOptions } from '../../hooks/useGroupOptions';
import {
  PILLAR_TITLES,
  SEVERITY_ORDER,
  severityLabel,
} from '../../presentation';
import { fuzzyMatches } from './fuzzyMatch';
import { HowScoresAreMade } from '../HowScoresAreMade';
import { RuleCard, ruleKinds, type RuleCheckKind } from './RuleCard';

/** The kind filter's choices: the rules that check each kind of definition, or images. */
const KIND_FILTERS: Record<RuleCheckKind, string> = {
  dockerfile: 'Dockerfiles',
  compose: 'Compose files',
  kubernetes: 'Kubernetes manifests',
  image: 'Images',
};

function matches(rule: RuleSummary, text: string): boolean {
  if (!text.trim()) return true;
  return fuzzyMatches(
    [
      rule.id,
      rule.title,
      rule.message,
      PILLAR_TITLES[rule.pillar],
      ...Object.values(rule.equivalents),
    ].join(' '),
    text,
  );
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
  // Search, filters, the linked rule and the scope live in the URL: a link shares the view.
  const [params, setParams] = useSearchParams();
  const search = params.get('q') ?? '';
  const pillar = (params.get('pillar') ?? '') as ApiPillar | '';
  const severity = (params.get('severity') ?? '') as ApiSeverity | '';
  const kind = (params.get('kind') ?? '') as RuleCheckKind | '';
  const fixableOnly = params.get('fixable') === 'yes';
  const linked = params.get('rule') ?? undefined;
  const scope = params.get('scope') ?? '';
  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, v] of Object.entries(changes)) {
      if (v) next.set(key, v);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const groups = useGroupOptions();
  const scopeTitle = scope
    ? groups.value?.find(g => g.ref === scope)?.title ?? scope
    : 'the organisation';
  // Which services fail each rule: optional, the catalogue reads without it.
  const failures = useAsync(
    () => api.getRuleFailures({ group: scope || undefined }),
    [api, scope],
  );
  const failuresByRule = useMemo(
    () => new Map((failures.value?.rules ?? []).map(r => [r.ruleId, r])),
    [failures.value],
  );

  // A link from a finding ends in #rule-id; the rule only exists once the catalogue has loaded,
  // so the browser's own jump to the anchor happens too early.
  const { hash } = useLocation();
  useEffect(() => {
    if (!value || !hash) return;
    const target = document.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView?.({ block: 'start' });
  }, [value, hash]);

  const groupsByPillar = useMemo(() => {
    const rules = (value?.rules ?? [])
      .filter(rule => (pillar ? rule.pillar === pillar : true))
      .filter(rule => (severity ? rule.severity === severity : true))
      .filter(rule => (kind ? ruleKinds(rule).includes(kind) : true))
      .filter(rule => (fixableOnly ? rule.fixable : true))
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
  }, [value, search, pillar, severity, kind, fixableOnly]);

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
              helperText="Id, title, message, or hadolint/Trivy/Checkov id; typos forgiven"
              value={search}
              onChange={event => update({ q: event.target.value || undefined })}
            />
            <FormControl style={{ minWidth: 200, maxWidth: '100%' }}>
              <InputLabel shrink htmlFor="rule-pillar">
                Pillar
              </InputLabel>
              <NativeSelect
                id="rule-pillar"
                value={pillar}
                onChange={event =>
                  update({ pillar: event.target.value || undefined })
                }
              >
                <option value="">All pillars</option>
                {(Object.keys(PILLAR_TITLES) as ApiPillar[]).map(id => (
                  <option key={id} value={id}>
                    {PILLAR_TITLES[id]}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormControl style={{ minWidth: 140 }}>
              <InputLabel shrink htmlFor="rule-severity">
                Severity
              </InputLabel>
              <NativeSelect
                id="rule-severity"
                value={severity}
                onChange={event =>
                  update({ severity: event.target.value || undefined })
                }
              >
                <option value="">All severities</option>
                {SEVERITY_ORDER.map(s => (
                  <option key={s} value={s}>
                    {severityLabel(s)}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormControl style={{ minWidth: 160 }}>
              <InputLabel shrink htmlFor="rule-kind">
                Checks
              </InputLabel>
              <NativeSelect
                id="rule-kind"
                value={kind}
                onChange={event =>
                  update({ kind: event.target.value || undefined })
                }
              >
                <option value="">Definitions and images</option>
                {(Object.keys(KIND_FILTERS) as RuleCheckKind[]).map(id => (
                  <option key={id} value={id}>
                    {KIND_FILTERS[id]}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormControl style={{ minWidth: 200, maxWidth: '100%' }}>
              <InputLabel shrink htmlFor="rule-scope">
                Services failing in
              </InputLabel>
              <NativeSelect
                id="rule-scope"
                value={scope}
                onChange={event =>
                  update({ scope: event.target.value || undefined })
                }
              >
                <option value="">The whole organisation</option>
                {(groups.value ?? []).map(option => (
                  <option key={option.ref} value={option.ref}>
                    {option.title}
                  </option>
                ))}
              </NativeSelect>
            </FormControl>
            <FormControlLabel
              control={
                <Checkbox
                  checked={fixableOnly}
                  onChange={event =>
                    update({
                      fixable: event.target.checked ? 'yes' : undefined,
                    })
                  }
                />
              }
              label="With an automatic fix"
            />
          </Box>
          {groupsByPillar.length === 0 && (
            <Typography variant="body1">
              No rule matches these filters.
            </Typography>
          )}
          {groupsByPillar.map(group => (
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
                    <RuleCard
                      rule={rule}
                      highlighted={rule.id === linked}
                      failures={
                        failures.value
                          ? failuresByRule.get(rule.id) ?? {
                              ruleId: rule.id,
                              services: 0,
                              findings: 0,
                              points: 0,
                              failing: [],
                            }
                          : undefined
                      }
                      servicesInScope={failures.value?.servicesInScope}
                      scopeTitle={scopeTitle}
                    />
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
