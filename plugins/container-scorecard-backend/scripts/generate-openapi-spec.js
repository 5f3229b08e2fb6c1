#!/usr/bin/env node
/*
 * Writes src/schema/openapi.generated.ts from src/schema/openapi.yaml.
 *
 * The router is typed from the spec (`createValidatedOpenApiRouter<typeof spec>`), which needs the
 * spec as a TypeScript `as const` value. Backstage's repo-tools generator needs Java and a
 * download, so we keep this small converter instead; a test fails when the two files drift.
 *
 * Usage: node scripts/generate-openapi-spec.js [--check]
 */
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');
const prettier = require('prettier');
const prettierConfig = require('@backstage/cli/config/prettier');

const schemaDir = path.join(__dirname, '..', 'src', 'schema');
const yamlPath = path.join(schemaDir, 'openapi.yaml');
const tsPath = path.join(schemaDir, 'openapi.generated.ts');

function render() {
  const spec = parse(fs.readFileSync(yamlPath, 'utf8'));
  const source = [
    '// Generated from openapi.yaml by scripts/generate-openapi-spec.js; do not edit by hand.',
    '',
    `export const spec = ${JSON.stringify(spec, null, 2)} as const;`,
    '',
  ].join('\n');
  // Formatted as the repository's prettier check expects, so the check and this agree.
  return prettier.format(source, { ...prettierConfig, parser: 'typescript' });
}

module.exports = { render, tsPath };

if (require.main === module) {
  const expected = render();
  if (process.argv.includes('--check')) {
    const actual = fs.existsSync(tsPath) ? fs.readFileSync(tsPath, 'utf8') : '';
    if (actual !== expected) {
      console.error(
        'openapi.generated.ts is out of date: run node scripts/generate-openapi-spec.js',
      );
      process.exit(1);
    }
  } else {
    fs.writeFileSync(tsPath, expected);
    console.log(`wrote ${path.relative(process.cwd(), tsPath)}`);
  }
}
