export { ScoreGauge, SCORE_GAUGE_WIDTH_PX } from './ScoreGauge';
