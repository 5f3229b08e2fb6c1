export interface Config {
  /** Configuration for the Container Scorecard plugin. */
  containerScorecard?: {};
}
