#!/usr/bin/env node
// Lists the deterministic sample of corpus findings that docs/accuracy.md judges, with their
// offending lines and judgements (`npm run accuracy:sample`; `-- --report`, `-- --markdown`,
// `-- --unjudged`). The sample comes from src/corpus/corpus-baseline.txt: regenerate that first
// (npm run corpus:baseline) when the rules changed.
require('@backstage/cli/config/nodeTransform.cjs');
const { runAccuracySample } = require('../src/accuracy/runAccuracySample.ts');

try {
  process.stdout.write(runAccuracySample(process.argv.slice(2)));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
