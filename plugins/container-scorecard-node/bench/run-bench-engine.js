#!/usr/bin/env node
// Runs bench/benchEngine.ts from source through the Backstage CLI's Node transform (SWC).
require('@backstage/cli/config/nodeTransform.cjs');
require('./benchEngine.ts');
