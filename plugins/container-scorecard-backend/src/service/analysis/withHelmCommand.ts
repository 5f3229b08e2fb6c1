import {
  renderChartsWithHelmCommand,
  type HelmCommandOptions,
} from '@container-scorecard/plugin-container-scorecard-node';
import type { EntityAnalyzer } from './createEntityAnalyzer';

/**
 * With `containerScorecard.helm.command` set, an entity's charts are rendered by that binary
 * before analysis (the engine is synchronous and runs in workers; the binary runs here,
 * asynchronously, one chart at a time, within `helm.timeout` and `helm.maxOutputBytes`), and the
 * engine maps its output instead of rendering the charts itself.
 */
export function withHelmCommand(
  analyzer: EntityAnalyzer,
  helm: HelmCommandOptions | undefined,
  /** All of an entity's charts together get the entity's analysis time (`analysis.entityTimeout`). */
  entityTimeoutMs?: number,
): EntityAnalyzer {
  if (!helm) return analyzer;
  return {
    analyze: async (files, renderOptions) =>
      analyzer.analyze(
        files,
        await renderChartsWithHelmCommand(
          files,
          renderOptions,
          helm,
          entityTimeoutMs,
        ),
      ),
    close: () => analyzer.close(),
  };
}
