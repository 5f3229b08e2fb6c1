import type {
  ApiGrade,
  ApiPillar,
  ApiSeverity,
  ScorecardStatus,
} from '@container-scorecard/plugin-container-scorecard-common';
import { SEVERITIES } from '@container-scorecard/plugin-container-scorecard-common';

/** Every severity, worst first: the order findings are grouped and counted in. */
export const SEVERITY_ORDER: readonly ApiSeverity[] = SEVERITIES;

/**
 * Severity and grade colours are fixed rather than taken from the theme: they carry meaning, and
 * each pair (background, text) was chosen to stay readable on the light and the dark theme alike.
 */
export const SEVERITY_COLOURS: Record<
  ApiSeverity,
  { background: string; text: string }
> = {
  critical: { background: '#b71c1c', text: '#ffffff' },
  high: { background: '#d84315', text: '#ffffff' },
  medium: { background: '#f9a825', text: '#000000' },
  low: { background: '#1565c0', text: '#ffffff' },
  info: { background: '#546e7a', text: '#ffffff' },
};

/** See SEVERITY_COLOURS: grades read as a traffic light on both themes. */
export const GRADE_COLOURS: Record<
  ApiGrade,
  { background: string; text: string }
> = {
  A: { background: '#2e7d32', text: '#ffffff' },
  B: { background: '#558b2f', text: '#ffffff' },
  C: { background: '#f9a825', text: '#000000' },
  D: { background: '#ef6c00', text: '#000000' },
  F: { background: '#c62828', text: '#ffffff' },
};

/** Human titles of the pillars, as PRODUCT.md names them. */
export const PILLAR_TITLES: Record<ApiPillar, string> = {
  'one-concern': 'One concern per container',
  immutable: 'Immutable, reproducible images',
  'config-outside': 'Configuration and secrets from outside',
  'state-outside': 'State lives outside',
  'least-privilege': 'Least privilege',
  minimal: 'Minimal footprint',
  lifecycle: 'Process lifecycle and operability',
  simplicity: 'Simplicity',
};

/** How each scorecard status reads in a table cell. */
export const STATUS_LABELS: Record<ScorecardStatus, string> = {
  analysed: 'Analysed',
  'could-not-analyse': 'Could not analyse',
  'no-definitions': 'No container definitions',
  'not-scanned': 'Not scanned yet',
};

/** Capitalises a severity for display. */
export function severityLabel(severity: ApiSeverity): string {
  return severity.charAt(0).toUpperCase() + severity.slice(1);
}

/** A score rounded for display; scores are 0–100. */
export function formatScore(score: number | undefined): string {
  return score === undefined ? '–' : String(Math.round(score));
}

/** A signed score change, e.g. "+4" or "−3" (with a real minus sign for screen readers). */
export function formatDelta(delta: number): string {
  const rounded = Math.round(delta);
  if (rounded > 0) return `+${rounded}`;
  if (rounded < 0) return `−${Math.abs(rounded)}`;
  return '±0';
}

/** A timestamp as a short local date and time. */
export function formatDateTime(iso: string | undefined): string {
  if (!iso) return 'never';
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleString(undefined, {
        dateStyle: 'medium',
        timeStyle: 'short',
      });
}

/** Points lost, e.g. "20 points", "2.5 points" (repeats of a rule cost fractions). */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return `${rounded} point${rounded === 1 ? '' : 's'}`;
}
