import { useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { TrendPoint } from '@container-scorecard/plugin-container-scorecard-common';
import { describeTrend, trendCoordinates } from './scale';

const WIDTH = 640;
const HEIGHT = 200;
const PADDING = 28;

/**
 * A score-over-time line chart in plain SVG (no chart library: it is one line on a 0–100 scale).
 * Colours come from the theme so it reads in light and dark mode; the chart is one image for
 * assistive technology, described in words. Hovering shows the day and score under the pointer;
 * focused, the arrow keys (Home, End) walk the days and a live region reads them out.
 *
 * @public
 */
export const TrendChart = (props: {
  points: readonly TrendPoint[];
  title: string;
}) => {
  const theme = useTheme();
  const { points, title } = props;
  // The point under the pointer (or chosen with the arrow keys), shown with its day and score.
  const [active, setActive] = useState<number>();
  if (points.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No score history yet: the trend appears after the first daily scans.
      </Typography>
    );
  }
  const coordinates = trendCoordinates(points, {
    width: WIDTH,
    height: HEIGHT,
    padding: PADDING,
  });
  const line = coordinates.map(([x, y]) => `${x},${y}`).join(' ');
  const gridLines = [0, 50, 100].map(score => ({
    score,
    y: PADDING + (HEIGHT - 2 * PADDING) * (1 - score / 100),
  }));
  const [lastX, lastY] = coordinates[coordinates.length - 1];
  const labelStyle = { fill: theme.palette.text.secondary, fontSize: 11 };

  const nearest = (event: MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0) return;
    const x = ((event.clientX - box.left) / box.width) * WIDTH;
    let best = 0;
    coordinates.forEach(([cx], i) => {
      if (Math.abs(cx - x) < Math.abs(coordinates[best][0] - x)) best = i;
    });
    setActive(best);
  };
  const onKey = (event: KeyboardEvent<SVGSVGElement>) => {
    const last = points.length - 1;
    const current = active ?? last;
    const moves: Record<string, number> = {
      ArrowLeft: Math.max(0, current - 1),
      ArrowRight: Math.min(last, current + 1),
      Home: 0,
      End: last,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
  };
  const tip = active !== undefined ? points[active] : undefined;
  const tipText = tip ? `${tip.day}: ${Math.round(tip.score)}` : '';
  const [tipX, tipY] = active !== undefined ? coordinates[active] : [0, 0];
  const tipWidth = tipText.length * 7 + 12;
  const boxX = Math.min(Math.max(tipX - tipWidth / 2, 0), WIDTH - tipWidth);
  const boxY = tipY > 40 ? tipY - 30 : tipY + 10;

  return (
    <>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`${title}. ${describeTrend(points)}`}
        style={{ maxHeight: HEIGHT, display: 'block' }}
        tabIndex={0}
        onMouseMove={nearest}
        onMouseLeave={() => setActive(undefined)}
        onFocus={() => setActive(points.length - 1)}
        onBlur={() => setActive(undefined)}
        onKeyDown={onKey}
      >
        <title>{`${title}. ${describeTrend(points)}`}</title>
        {gridLines.map(({ score, y }) => (
          <g key={score}>
            <line
              x1={PADDING}
              x2={WIDTH - PADDING}
              y1={y}
              y2={y}
              stroke={theme.palette.divider}
              strokeDasharray={score === 0 ? undefined : '4 4'}
            />
            <text x={2} y={y + 4} style={labelStyle}>
              {score}
            </text>
          </g>
        ))}
        <polyline
          points={line}
          fill="none"
          stroke={theme.palette.primary.main}
          strokeWidth={2}
          strokeLinejoin="round"
        />
        <circle cx={lastX} cy={lastY} r={4} fill={theme.palette.primary.main} />
        {tip && (
          <g data-testid="trend-tooltip" aria-hidden="true">
            <line
              x1={tipX}
              x2={tipX}
              y1={PADDING}
              y2={HEIGHT - PADDING}
              stroke={theme.palette.text.secondary}
              strokeDasharray="2 3"
            />
            <circle
              cx={tipX}
              cy={tipY}
              r={5}
              fill={theme.palette.background.paper}
              stroke={theme.palette.primary.main}
              strokeWidth={2}
            />
            <rect
              x={boxX}
              y={boxY}
              width={tipWidth}
              height={22}
              rx={4}
              fill={theme.palette.grey[800]}
            />
            <text
              x={boxX + tipWidth / 2}
              y={boxY + 15}
              textAnchor="middle"
              style={{ fill: '#ffffff', fontSize: 12 }}
            >
              {tipText}
            </text>
          </g>
        )}
        <text x={PADDING} y={HEIGHT - 6} style={labelStyle}>
          {points[0].day}
        </text>
        <text
          x={WIDTH - PADDING}
          y={HEIGHT - 6}
          textAnchor="end"
          style={labelStyle}
        >
          {points[points.length - 1].day}
        </text>
      </svg>
      <span
        aria-live="polite"
        style={{
          position: 'absolute',
          width: 1,
          height: 1,
          overflow: 'hidden',
          clip: 'rect(0 0 0 0)',
          whiteSpace: 'nowrap',
        }}
      >
        {tipText}
      </span>
    </>
  );
};
