import { createTestEngine, lines } from '../testing';

const configMap = (i: number) =>
  lines(
    '---',
    'apiVersion: v1',
    'kind: ConfigMap',
    `metadata: { name: c${i} }`,
  );
const pod = lines(
  '---',
  'apiVersion: v1',
  'kind: Pod',
  'metadata: { name: web }',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
);
const manifest = (before: number, after = 0) =>
  [
    ...Array.from({ length: before }, (_, i) => configMap(i)),
    pod,
    ...Array.from({ length: after }, (_, i) => configMap(before + i)),
  ].join('');

describe('limits.maxYamlDocuments', () => {
  it('analyses a file of exactly N documents completely', async () => {
    const engine = await createTestEngine();
    const result = engine.analyzeFile({
      path: 'k8s/all.yaml',
      content: manifest(999),
    });
    expect(result.status).toBe('analysed');
    expect(result.limitsReached).toBeUndefined();
  });

  it('analyses the first 1,000 documents of a 1,001-document file and says one was left out', async () => {
    const engine = await createTestEngine();
    const content = manifest(0, 1000);
    const result = engine.analyzeFile({ path: 'k8s/all.yaml', content });
    expect(result.status).toBe('analysed');
    expect(result.limitsReached).toEqual([
      {
        limit: 'yaml-documents',
        message:
          'Only the first 1000 YAML documents were analysed (limits.maxYamlDocuments): 1 more was left out.',
        omitted: 1,
      },
    ]);
    // The findings of the analysed documents are all there.
    const whole = (
      await createTestEngine({ config: { limits: { maxYamlDocuments: 2000 } } })
    ).analyzeFile({ path: 'k8s/all.yaml', content });
    expect(whole.limitsReached).toBeUndefined();
    expect(result.findings).toEqual(whole.findings);
  });

  it('says so, instead of skipping the file, when the workloads are all beyond the limit', async () => {
    const engine = await createTestEngine({
      config: { limits: { maxYamlDocuments: 3 } },
    });
    const result = engine.analyzeFile({
      path: 'install.yaml',
      content: manifest(5),
    });
    expect(result).toMatchObject({
      status: 'could-not-analyse',
      kind: 'kubernetes',
      error: {
        code: 'too-many-documents',
        message:
          'None of the first 3 YAML documents is a workload, and the 3 after them were not analysed (limits.maxYamlDocuments).',
      },
      limitsReached: [{ limit: 'yaml-documents', omitted: 3 }],
    });
    expect(result.score).toBeUndefined();
  });

  it('still ignores a long YAML file that holds no workload at all', async () => {
    const engine = await createTestEngine({
      config: { limits: { maxYamlDocuments: 3 } },
    });
    const content = Array.from({ length: 6 }, (_, i) => configMap(i)).join('');
    expect(engine.analyzeFile({ path: 'crds.yaml', content }).status).toBe(
      'not-applicable',
    );
  });

  it('marks a partial compose file too', async () => {
    const engine = await createTestEngine({
      config: { limits: { maxYamlDocuments: 1 } },
    });
    const result = engine.analyzeFile({
      path: 'compose.yaml',
      content: lines(
        'services:',
        '  web:',
        '    image: nginx:1.27',
        '---',
        'x: 1',
      ),
    });
    expect(result.status).toBe('analysed');
    expect(result.limitsReached).toEqual([
      expect.objectContaining({ limit: 'yaml-documents', omitted: 1 }),
    ]);
  });
});
