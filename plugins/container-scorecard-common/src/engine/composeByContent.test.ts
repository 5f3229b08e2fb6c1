import { createTestEngine, lines } from '../testing';

const stack = lines(
  'version: "3.8"',
  'services:',
  '  db:',
  '    image: postgres:latest',
  '    privileged: true',
);

describe('compose files told by their content', () => {
  it('analyses a compose file named freely as compose, with compose rules', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeFile({
      path: 'deploy/stack.yml',
      content: stack,
    });
    expect(result.status).toBe('analysed');
    expect(result.kind).toBe('compose');
    expect(result.findings.map(f => f.ruleId)).toContain('compose-privileged');
    expect(result.images.map(i => i.ref)).toEqual(['postgres:latest']);
  });

  it('leaves a GitHub Actions workflow with job services alone', async () => {
    const engine = await createTestEngine();
    const workflow = lines(
      'on: [push]',
      'jobs:',
      '  test:',
      '    runs-on: ubuntu-latest',
      '    services:',
      '      db:',
      '        image: postgres:latest',
      '        options: --privileged',
    );
    const result = engine.analyzeFile({
      path: '.github/workflows/ci.yml',
      content: workflow,
    });
    expect(result.status).toBe('not-applicable');
    expect(result.findings).toEqual([]);
  });

  it('keeps a file with workloads Kubernetes even if it has a compose-like document', async () => {
    const engine = await createTestEngine();
    const content = `${stack}---\n${lines(
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: web }',
      'spec:',
      '  containers:',
      '    - name: web',
      '      image: nginx:1.27',
    )}`;
    const result = engine.analyzeFile({ path: 'all.yaml', content });
    expect(result.kind).toBe('kubernetes');
  });

  it('reports an oversized compose file under another name as could-not-analyse', async () => {
    const engine = await createTestEngine({
      config: { limits: { maxFileBytes: 200 } },
    });
    const content = `${stack}${'# padding\n'.repeat(40)}`;
    const result = engine.analyzeFile({ path: 'stack.yml', content });
    expect(result).toMatchObject({
      status: 'could-not-analyse',
      kind: 'compose',
      error: { code: 'file-too-large' },
    });
  });
});
