#!/usr/bin/env node
// Seeds the demo registry (scripts/demo-registry.sh) with the example services' images, running
// the TypeScript fixture builder from source through the Backstage CLI's Node transform (SWC).
require('@backstage/cli/config/nodeTransform.cjs');
const {
  seedDemoRegistry,
} = require('../plugins/container-scorecard-node/src/images/demo/seedDemoRegistry.ts');

const [registryUrl, host] = process.argv.slice(2);
if (!registryUrl || !host) {
  console.error('usage: seed-demo-registry.js <registry-url> <host>');
  process.exit(2);
}
seedDemoRegistry(registryUrl, host).then(
  seeded => {
    for (const image of seeded) {
      console.log(
        `registry: ${image.pushed ? 'pushed' : 'kept'} ${image.reference} ${
          image.digest
        }`,
      );
    }
  },
  error => {
    console.error(`registry: seeding failed: ${error.message}`);
    process.exit(1);
  },
);
