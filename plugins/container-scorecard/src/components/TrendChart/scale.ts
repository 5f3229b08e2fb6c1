import type { TrendPoint } from '@container-scorecard/plugin-container-scorecard-common';

/** Summary of a trend for screen readers, e.g. "Score went from 50 to 72 over 90 days". */
export function describeTrend(points: readonly TrendPoint[]): string {
  if (points.length === 0) return 'No score history yet';
  const first = points[0];
  const last = points[points.length - 1];
  return `Score went from ${Math.round(first.score)} on ${
    first.day
  } to ${Math.round(last.score)} on ${last.day}`;
}

/**
 * SVG coordinates of a trend: x spreads the points evenly (one per day, gaps are rare and the
 * backend fills days), y maps the 0–100 score range upside down because SVG y grows downwards.
 */
export function trendCoordinates(
  points: readonly TrendPoint[],
  box: { width: number; height: number; padding: number },
): Array<[number, number]> {
  const { width, height, padding } = box;
  const innerWidth = width - 2 * padding;
  const innerHeight = height - 2 * padding;
  const step = points.length > 1 ? innerWidth / (points.length - 1) : 0;
  return points.map((point, i) => {
    const clamped = Math.max(0, Math.min(100, point.score));
    const x = points.length > 1 ? padding + i * step : width / 2;
    const y = padding + innerHeight * (1 - clamped / 100);
    return [round(x), round(y)];
  });
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
