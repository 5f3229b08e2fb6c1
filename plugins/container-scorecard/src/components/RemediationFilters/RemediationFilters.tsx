import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import NativeSelect from '@material-ui/core/NativeSelect';
import type {
  ApiPillar,
  ApiSeverity,
} from '@container-scorecard/plugin-container-scorecard-common';
import {
  PILLAR_TITLES,
  SEVERITY_ORDER,
  severityLabel,
} from '../../presentation';

/** What the remediation view shows: every filter is in the URL, so a link shares the view. */
export interface RemediationFilter {
  severity?: ApiSeverity;
  pillar?: ApiPillar;
  file?: string;
}

const KEYS = ['severity', 'pillar', 'file'] as const;

/** The filter of the remediation view, read from and written to the URL's query. */
export function useRemediationFilter(): [
  RemediationFilter,
  (next: RemediationFilter) => void,
] {
  const [params, setParams] = useSearchParams();
  const filter = useMemo<RemediationFilter>(() => {
    const severity = params.get('severity') as ApiSeverity | null;
    const pillar = params.get('pillar') as ApiPillar | null;
    return {
      ...(severity && SEVERITY_ORDER.includes(severity) ? { severity } : {}),
      ...(pillar && pillar in PILLAR_TITLES ? { pillar } : {}),
      ...(params.get('file') ? { file: params.get('file')! } : {}),
    };
  }, [params]);
  const setFilter = useCallback(
    (next: RemediationFilter) => {
      const updated = new URLSearchParams(params);
      for (const key of KEYS) {
        const value = next[key];
        if (value) updated.set(key, value);
        else updated.delete(key);
      }
      setParams(updated, { replace: true });
    },
    [params, setParams],
  );
  return [filter, setFilter];
}

/**
 * Severity, pillar and file filters of the remediation view.
 *
 * @public
 */
export const RemediationFilters = (props: {
  filter: RemediationFilter;
  onChange: (next: RemediationFilter) => void;
  files: string[];
  pillars: ApiPillar[];
}) => {
  const { filter, onChange } = props;
  const select = (
    key: keyof RemediationFilter,
    label: string,
    options: { value: string; label: string }[],
  ) => (
    <FormControl style={{ minWidth: 160, maxWidth: '100%' }}>
      <InputLabel shrink htmlFor={`remediation-${key}`}>
        {label}
      </InputLabel>
      <NativeSelect
        id={`remediation-${key}`}
        value={filter[key] ?? ''}
        onChange={event =>
          onChange({ ...filter, [key]: event.target.value || undefined })
        }
      >
        <option value="">All</option>
        {options.map(option => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </NativeSelect>
    </FormControl>
  );
  const active = KEYS.some(key => filter[key]);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="flex-end"
      gridGap={16}
      role="search"
      aria-label="Filter findings"
    >
      {select(
        'severity',
        'Severity',
        SEVERITY_ORDER.map(s => ({ value: s, label: severityLabel(s) })),
      )}
      {select(
        'pillar',
        'Pillar',
        props.pillars.map(p => ({ value: p, label: PILLAR_TITLES[p] })),
      )}
      {select(
        'file',
        'File',
        props.files.map(f => ({ value: f, label: f })),
      )}
      {active && (
        <Button size="small" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Box>
  );
};
