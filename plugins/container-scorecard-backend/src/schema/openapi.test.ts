import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('openapi.generated.ts', () => {
  it('is in sync with openapi.yaml', () => {
    // Exits non-zero (and execFileSync throws) when the generated file has drifted.
    expect(() =>
      execFileSync(
        process.execPath,
        [join(__dirname, '../../scripts/generate-openapi-spec.js'), '--check'],
        { stdio: 'pipe' },
      ),
    ).not.toThrow();
  });
});
