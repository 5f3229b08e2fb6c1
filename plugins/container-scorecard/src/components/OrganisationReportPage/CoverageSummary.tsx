import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import type { Coverage } from '@container-scorecard/plugin-container-scorecard-common';

/** How many services have container definitions that were analysed, and why the rest are not. */
export const CoverageSummary = (props: { coverage: Coverage }) => {
  const { coverage } = props;
  const share =
    coverage.services === 0
      ? 0
      : Math.round((100 * coverage.analysed) / coverage.services);
  const rows: Array<[string, number]> = [
    ['Analysed', coverage.analysed],
    ['No container definitions', coverage.noDefinitions],
    ['Could not analyse', coverage.couldNotAnalyse],
    ['Not scanned yet', coverage.notScanned],
  ];
  return (
    <>
      <Typography variant="body1" id="coverage-share">
        {coverage.analysed} of {coverage.services} services analysed ({share}%)
      </Typography>
      <LinearProgress
        variant="determinate"
        value={share}
        aria-labelledby="coverage-share"
        style={{ margin: '8px 0 16px' }}
      />
      <dl
        style={{
          display: 'grid',
          gridTemplateColumns: 'auto auto',
          gap: 4,
          margin: 0,
        }}
      >
        {rows.map(([label, count]) => (
          <div key={label} style={{ display: 'contents' }}>
            <Typography component="dt" variant="body2">
              {label}
            </Typography>
            <Typography
              component="dd"
              variant="body2"
              align="right"
              style={{ margin: 0 }}
            >
              {count}
            </Typography>
          </div>
        ))}
      </dl>
    </>
  );
};
