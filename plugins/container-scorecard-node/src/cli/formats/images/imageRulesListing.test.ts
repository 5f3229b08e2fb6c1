import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageRules } from '@container-scorecard/plugin-container-scorecard-common';
import { runCli } from '../../runCli';

/** `container-scorecard rules` in process, with its output captured. */
async function rules(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(['rules', ...args], {
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('container-scorecard rules: image rules', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'scorecard-rules-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every image rule with kind image, pillar, severity and options', async () => {
    const run = await rules(['-f', 'json'], dir);
    expect(run.code).toBe(0);
    const listed = JSON.parse(run.stdout).rules.filter(
      (rule: any) => rule.kind === 'image',
    );
    expect(listed.map((rule: any) => rule.id).sort()).toEqual(
      imageRules.map(rule => rule.id).sort(),
    );
    expect(listed.find((r: any) => r.id === 'image-too-old')).toMatchObject({
      pillar: 'immutable',
      severity: 'medium',
      enabled: true,
      fixable: false,
      appliesTo: [],
      options: { maxAgeDays: { type: 'number', default: 90 } },
    });
  });

  it('shows an image rule turned off by images.rules as disabled, and "image" in the table', async () => {
    writeFileSync(
      join(dir, '.container-scorecard.yaml'),
      'images:\n  rules:\n    image-not-signed: { enabled: false }\n',
    );
    const json = await rules(['-f', 'json'], dir);
    const byId = Object.fromEntries(
      JSON.parse(json.stdout).rules.map((rule: any) => [rule.id, rule]),
    );
    expect(byId['image-not-signed'].enabled).toBe(false);
    expect(byId['image-without-sbom'].enabled).toBe(true);
    const tty = await rules([], dir);
    expect(tty.stdout).toMatch(
      /image-not-signed\s+medium\s+image\s+\(disabled\) Image is not signed/,
    );
  });
});
