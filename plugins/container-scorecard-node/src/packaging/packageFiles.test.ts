import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { analysisWorkerFile, runsFromBuild } from './packageFiles';

const packageRoot = resolvePackagePath(
  '@container-scorecard/plugin-container-scorecard-node',
);

describe('runsFromBuild', () => {
  it.each(['dist/index.cjs.js', './dist/index.cjs.js'])(
    'is true for a main in dist/ (%s), as prepack writes it',
    main => expect(runsFromBuild(main)).toBe(true),
  );

  it.each([
    ['the sources', 'src/index.ts'],
    ['a folder only named like dist', 'distribution/index.js'],
    ['a missing main', undefined],
    ['a main that is not a string', 42],
  ])('is false for %s', (_, main) => expect(runsFromBuild(main)).toBe(false));
});

describe('analysisWorkerFile', () => {
  it('starts workers from the plain-JavaScript source entry in this repository', () => {
    const file = analysisWorkerFile();
    expect(file).toBe(join(packageRoot, 'src/analysis/analysisWorker.js'));
    expect(existsSync(file)).toBe(true);
  });

  it('starts workers from the bundled entry when the package runs from its build', () => {
    const checked: string[] = [];
    const file = analysisWorkerFile('./dist/index.cjs.js', path => {
      checked.push(path);
      return true;
    });
    expect(file).toBe(
      join(packageRoot, 'dist/analysis/runAnalysisTask.cjs.js'),
    );
    expect(checked).toEqual([file]);
  });

  it('names the missing build rather than letting piscina fail on an absent file', () => {
    expect(() => analysisWorkerFile('dist/index.cjs.js', () => false)).toThrow(
      /installed without its analysis worker .*dist\/analysis\/runAnalysisTask\.cjs\.js.*backstage-cli package build/,
    );
  });

  it('names the manifest main when neither a build nor the sources are there', () => {
    expect(() => analysisWorkerFile('src/index.ts', () => false)).toThrow(
      /has neither a build \(main is src\/index\.ts\) nor its worker source .*src\/analysis\/analysisWorker\.js/,
    );
  });
});
