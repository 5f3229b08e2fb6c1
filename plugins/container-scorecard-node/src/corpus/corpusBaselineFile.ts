import { readFileSync, writeFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { createNodeScorecardEngine } from '../engine';
import {
  BASELINE_NOW,
  computeBaselineBlocks,
  formatBaseline,
  parseBaseline,
  type BaselineBlocks,
} from './corpusBaseline';
import { readCorpus } from './readCorpus';

/** Where the recorded baseline lives: committed beside this file. */
export const CORPUS_BASELINE_PATH = resolvePackagePath(
  '@container-scorecard/plugin-container-scorecard-node',
  'src/corpus/corpus-baseline.txt',
);

/** The engine's current findings over the whole corpus, default configuration, fixed clock. */
export async function computeCorpusBaseline(): Promise<BaselineBlocks> {
  const engine = await createNodeScorecardEngine({ now: () => BASELINE_NOW });
  return computeBaselineBlocks(engine, readCorpus());
}

export function readRecordedBaseline(): BaselineBlocks {
  return parseBaseline(readFileSync(CORPUS_BASELINE_PATH, 'utf8'));
}

/** Recomputes the baseline and writes it: `npm run corpus:baseline`. */
export async function writeCorpusBaseline(): Promise<string> {
  const blocks = await computeCorpusBaseline();
  writeFileSync(CORPUS_BASELINE_PATH, formatBaseline(blocks));
  return `Wrote ${CORPUS_BASELINE_PATH}: ${blocks.size} files`;
}
