import { useTheme } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import type { TrendPoint } from '@internal/plugin-container-scorecard-common';
import { describeTrend, trendCoordinates } from './scale';

const WIDTH = 640;
const HEIGHT = 200;
const PADDING = 28;

/**
 * A score-over-time line chart in plain SVG (no chart library: it is one line on a 0–100 scale).
 * Colours come from the theme so it reads in light and dark mode; the chart is one image for
 * assistive technology, described in words.
 *
 * @public
 */
export const TrendChart = (props: {
  points: readonly TrendPoint[];
  title: string;
}) => {
  const theme = useTheme();
  const { points, title } = props;
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

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width="100%"
      role="img"
      aria-label={`${title}. ${describeTrend(points)}`}
      style={{ maxHeight: HEIGHT, display: 'block' }}
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
  );
};
