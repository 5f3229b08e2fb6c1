import { useTheme } from '@material-ui/core/styles';
import type { TrendPoint } from '@container-scorecard/plugin-container-scorecard-common';
import { describeTrend, trendCoordinates } from '../TrendChart';

/** A word-sized score trend for cards and table cells; described in words for screen readers. @public */
export const TrendSparkline = (props: {
  points: readonly TrendPoint[];
  width?: number;
  height?: number;
}) => {
  const theme = useTheme();
  const { points, width = 160, height = 36 } = props;
  if (points.length < 2) {
    return null;
  }
  const coordinates = trendCoordinates(points, { width, height, padding: 3 });
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={describeTrend(points)}
    >
      <polyline
        points={coordinates.map(([x, y]) => `${x},${y}`).join(' ')}
        fill="none"
        stroke={theme.palette.primary.main}
        strokeWidth={1.5}
        strokeLinejoin="round"
      />
    </svg>
  );
};
