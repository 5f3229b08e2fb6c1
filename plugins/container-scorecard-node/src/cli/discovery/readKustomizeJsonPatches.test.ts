import {
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ScorecardInputFile } from '@container-scorecard/plugin-container-scorecard-common';
import { readKustomizeJsonPatches } from './readKustomizeJsonPatches';

describe('readKustomizeJsonPatches', () => {
  let base: string;
  let repo: string;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'cs-cli-json-'));
    repo = join(base, 'repo');
    mkdirSync(join(repo, 'overlays', 'prod'), { recursive: true });
    writeFileSync(
      join(repo, 'overlays/prod/patch.json'),
      '[{"op":"remove","path":"/x"}]',
    );
    writeFileSync(join(base, 'secret.json'), '{"token":"x"}');
    symlinkSync(
      join(base, 'secret.json'),
      join(repo, 'overlays/prod/outside.json'),
    );
    writeFileSync(join(repo, 'other.json'), '{}');
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const kustomization = [
    'resources: [../../base]',
    'patches:',
    '  - path: patch.json',
    '    target: { kind: Deployment }',
    'patchesJson6902:',
    '  - path: outside.json',
    '    target: { kind: Deployment }',
    '  - path: missing.json',
    '    target: { kind: Deployment }',
  ].join('\n');

  it('reads the JSON patches kustomizations name, only inside the tree', async () => {
    const inputs: ScorecardInputFile[] = [
      { path: 'overlays/prod/kustomization.yaml', content: kustomization },
    ];
    await readKustomizeJsonPatches(repo, inputs);
    expect(inputs).toEqual([
      { path: 'overlays/prod/kustomization.yaml', content: kustomization },
      {
        path: 'overlays/prod/patch.json',
        content: '[{"op":"remove","path":"/x"}]',
      },
    ]);
  });

  it('replaces a listed-only entry by the read file', async () => {
    const inputs: ScorecardInputFile[] = [
      { path: 'overlays/prod/kustomization.yaml', content: kustomization },
      { path: 'overlays/prod/patch.json' },
    ];
    await readKustomizeJsonPatches(repo, inputs);
    expect(inputs.filter(i => i.path === 'overlays/prod/patch.json')).toEqual([
      {
        path: 'overlays/prod/patch.json',
        content: '[{"op":"remove","path":"/x"}]',
      },
    ]);
  });
});
