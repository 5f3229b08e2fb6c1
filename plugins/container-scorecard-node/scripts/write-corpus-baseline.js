#!/usr/bin/env node
// Rewrites src/corpus/corpus-baseline.txt from the engine as it is now (`npm run corpus:baseline`).
// Run it when findings change on purpose, then review and commit the diff of that file.
require('@backstage/cli/config/nodeTransform.cjs');
const { writeCorpusBaseline } = require('../src/corpus/corpusBaselineFile.ts');

writeCorpusBaseline().then(
  message => console.log(message),
  error => {
    console.error(error);
    process.exitCode = 1;
  },
);
