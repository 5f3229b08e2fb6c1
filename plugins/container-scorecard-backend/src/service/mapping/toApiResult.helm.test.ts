import { createNodeScorecardEngine } from '@container-scorecard/plugin-container-scorecard-node';
import { toApiResult } from './toApiResult';

const CHART = {
  'chart/Chart.yaml':
    'apiVersion: v2\nname: api\nversion: 1.0.0\nappVersion: "1.0"\n',
  'chart/values.yaml': 'securityContext:\n  privileged: true\n',
  'chart/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .Release.Name }}
spec:
  template:
    spec:
      containers:
        - name: api
          image: "registry.example/api:{{ .Chart.AppVersion }}"
          securityContext:
            {{- toYaml .Values.securityContext | nindent 12 }}
`,
};

describe('toApiResult on a rendered Helm chart', () => {
  it("carries a finding's renderedFrom and the file's rendering to the API", async () => {
    const engine = await createNodeScorecardEngine();
    const rules = new Map(engine.rules.map(rule => [rule.id, rule]));
    const analysis = engine.analyzeRepository(
      Object.entries(CHART).map(([path, content]) => ({ path, content })),
    );
    const result = toApiResult(
      analysis,
      {
        oversized: [],
        browseBaseUrl: 'https://github.example/acme/api/blob/main/',
      },
      rules,
      1024,
    );
    expect(result.files.map(f => f.path)).toEqual([
      'chart/templates/deployment.yaml',
    ]);
    const [file] = result.files;
    expect(file.rendering).toEqual({
      renderer: 'helm',
      unit: 'chart',
      valuesFiles: ['chart/values.yaml'],
    });
    expect(
      file.findings.find(f => f.ruleId === 'k8s-privileged-container'),
    ).toMatchObject({
      path: 'chart/values.yaml',
      range: { start: { line: 2, column: 3 } },
      snippet: '  privileged: true',
      // The values file's line, not the template's: the link goes where the fix goes.
      url: 'https://github.example/acme/api/blob/main/chart/values.yaml#L2',
      renderedFrom: {
        renderer: 'helm',
        path: 'chart/templates/deployment.yaml',
        range: { start: { line: 12, column: 1 } },
        renderedSnippet: 'privileged: true',
        valuesPath: 'chart/values.yaml',
        valuesKey: 'securityContext.privileged',
      },
    });
  });

  it('gives findings that point at their own file no url of their own', async () => {
    const engine = await createNodeScorecardEngine();
    const rules = new Map(engine.rules.map(rule => [rule.id, rule]));
    const analysis = engine.analyzeRepository([
      { path: 'Dockerfile', content: 'FROM ubuntu\n' },
    ]);
    const result = toApiResult(
      analysis,
      {
        oversized: [],
        browseBaseUrl: 'https://github.example/acme/api/blob/main/',
      },
      rules,
      1024,
    );
    expect(result.files[0].findings.length).toBeGreaterThan(0);
    for (const finding of result.files[0].findings)
      expect(finding.url).toBeUndefined();
  });
});
