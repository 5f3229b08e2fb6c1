import { minimatch } from 'minimatch';
import { compilePathGlobs } from './compilePathGlobs';
import { expandBraces } from './expandBraces';
import { checkPathGlob } from './pathGlobLimits';

const PATHS = [
  'Dockerfile',
  '.dockerignore',
  'deploy/app.yaml',
  'deploy/k8s/prod/app.yaml',
  'services/api/Dockerfile',
  'services/web/Dockerfile.dev',
  'services/web/compose.yml',
  'charts/a1/values.yaml',
  'charts/b2/values.yaml',
  'x/.hidden/compose.yaml',
];

describe('annotation path globs', () => {
  it.each([
    'deploy/**',
    '**/Dockerfile',
    'services/*/Dockerfile*',
    'services/{api,web}/**',
    'charts/[a-b][0-9]/*.yaml',
    'charts/[!a]?/values.yaml',
    '**/*.{yml,yaml}',
    'deploy/**/app.yaml',
    '**',
    'Dockerfile',
  ])('matches what minimatch matches for %p', glob => {
    const ours = compilePathGlobs([glob]);
    expect(PATHS.filter(ours)).toEqual(
      PATHS.filter(path => minimatch(path, glob, { dot: true })),
    );
  });

  it('expands braces, ranges and nested groups', () => {
    expect(expandBraces('a{1..3}b', 64)).toEqual(['a1b', 'a2b', 'a3b']);
    expect(expandBraces('{x,y{a,b}}/{c..a}', 64)).toEqual([
      'x/c',
      'x/b',
      'x/a',
      'ya/c',
      'ya/b',
      'ya/a',
      'yb/c',
      'yb/b',
      'yb/a',
    ]);
    expect(expandBraces('{1..10..5}', 64)).toEqual(['1', '6']);
    expect(expandBraces('{single}', 64)).toEqual(['{single}']);
  });

  it.each([
    [
      '{1..100000},{1..99999}',
      'its braces expand to more than 64 alternatives',
    ],
    ['{1..100000}{1..99999}', 'its braces expand to more than 64 alternatives'],
    [
      '{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}',
      'its braces expand to more than 64 alternatives',
    ],
    ['*a*a*a*a*a*a*a*a*a*a*b', 'more than 10 wildcards'],
    ['*a*a*a*a*a*a*a*a*b', 'more than 4 "*" in one path segment'],
    ['*a*a*/*a*a*/*a*a*/*a*a*', 'more than 10 wildcards'],
    ['???????????', 'more than 10 wildcards'],
    [`${'a'.repeat(257)}`, 'longer than 256 characters'],
    ['../other/**', 'globs must be relative and stay inside the repository'],
    ['/etc/**', 'globs must be relative and stay inside the repository'],
    ['!deploy/**', 'negation (a leading "!") is not supported'],
  ])('refuses %p with a clear reason', (glob, why) => {
    expect(checkPathGlob(glob)).toEqual({
      refused: expect.stringMatching(/^path glob ".*" is not allowed: /),
    });
    expect((checkPathGlob(glob) as { refused: string }).refused).toContain(
      `is not allowed: ${why}`,
    );
  });

  it('accepts globs at the limits', () => {
    expect(checkPathGlob('*a*a*a*/*a*a*a*/?*')).toHaveProperty('alternatives');
    expect(checkPathGlob('{1..8}{1..8}')).toEqual({
      alternatives: expect.arrayContaining(['11', '88']),
    });
    expect(
      (checkPathGlob('{1..8}{1..8}') as { alternatives: string[] })
        .alternatives,
    ).toHaveLength(64);
    expect(checkPathGlob('**/**/*.yaml')).toHaveProperty('alternatives');
  });

  it('matches a wildcard-heavy glob against long names by its meaning', () => {
    const match = compilePathGlobs(['*a*a*a*b']);
    const long = 'a'.repeat(250);
    expect(match(long)).toBe(false);
    expect(match(`${long}b`)).toBe(true);
    expect(match(`${'ab'.repeat(100)}`)).toBe(true);
    expect(match('aab')).toBe(false);
    expect(match(`dir/${long}b`)).toBe(false); // `*` never crosses a "/"
  });

  it('does not match paths longer than the bound', () => {
    const match = compilePathGlobs(['**']);
    expect(match(`${'d/'.repeat(400)}Dockerfile`)).toBe(true);
    expect(match(`${'d/'.repeat(600)}Dockerfile`)).toBe(false);
  });

  it('refuses more than 20 globs', () => {
    expect(() =>
      compilePathGlobs(Array.from({ length: 21 }, (_, i) => `d${i}/**`)),
    ).toThrow('more than 20 path globs');
  });
});
