import type { RenderLimits } from '../../engine/rendered/renderedSources';
import { TEST_RENDER_LIMITS } from './helmTestUtils';
import { renderHelmChart } from './renderHelmChart';

const CHART_YAML =
  'apiVersion: v2\nname: app\nversion: 1.2.3\nappVersion: "2.0"\n';

/** Renders one template of a chart `app` with the given values and helpers. */
function renderOne(
  template: string,
  values = '',
  options: {
    helpers?: string;
    limits?: Partial<RenderLimits>;
    files?: Record<string, string>;
  } = {},
) {
  const files = new Map<string, string>([
    ['app/Chart.yaml', CHART_YAML],
    ['app/values.yaml', values],
    ['app/templates/t.yaml', template],
    ...Object.entries(options.files ?? {}),
  ]);
  if (options.helpers) files.set('app/templates/_helpers.tpl', options.helpers);
  const outcome = renderHelmChart({
    root: 'app',
    paths: [...files.keys()],
    read: path => files.get(path),
    valuesFiles: [],
    limits: { ...TEST_RENDER_LIMITS, ...options.limits },
  });
  if (outcome.status !== 'rendered') return { error: outcome.error.message };
  if (outcome.failures.length)
    return { error: outcome.failures[0].error.message };
  return {
    content: outcome.outputs[0]?.content ?? '',
    output: outcome.outputs[0],
  };
}

const lines = (text: string) => text.split('\n');

describe('renderHelmChart: what popular charts use', () => {
  it('ranges over maps (sorted keys) and lists, with $key, $value and $index', () => {
    const { content } = renderOne(
      `env:
{{- range $name, $value := .Values.env }}
  - name: {{ $name }}
    value: {{ $value | quote }}
{{- end }}
ports:
{{- range $i, $port := .Values.ports }}
  - name: port-{{ $i }}
    containerPort: {{ $port }}
{{- end }}
`,
      'env:\n  ZED: last\n  ALPHA: 1\n  MIDDLE: "true"\nports: [8080, 9090]\n',
    );
    expect(lines(content!)).toEqual([
      'env:',
      '  - name: ALPHA',
      '    value: "1"',
      '  - name: MIDDLE',
      '    value: "true"',
      '  - name: ZED',
      '    value: "last"',
      'ports:',
      '  - name: port-0',
      '    containerPort: 8080',
      '  - name: port-1',
      '    containerPort: 9090',
      '',
    ]);
  });

  it('writes nested values with toYaml as Helm does: sorted keys, unindented lists, quoted ambiguous strings', () => {
    const { content } = renderOne(
      `spec:
  {{- toYaml .Values.spec | nindent 2 }}
`,
      `spec:
  containers:
    - name: app
      env:
        - name: FLAG
          value: "true"
        - name: PORT
          value: "8080"
        - name: EMPTY
          value: ""
        - name: URL
          value: "http://x: y"
      args: ["--a", "*star"]
      resources: {}
  nodeSelector:
    disk: ssd
`,
    );
    expect(lines(content!)).toEqual([
      'spec:',
      '  containers:',
      '  - args:',
      '    - --a',
      "    - '*star'",
      '    env:',
      '    - name: FLAG',
      '      value: "true"',
      '    - name: PORT',
      '      value: "8080"',
      '    - name: EMPTY',
      '      value: ""',
      '    - name: URL',
      "      value: 'http://x: y'",
      '    name: app',
      '    resources: {}',
      '  nodeSelector:',
      '    disk: ssd',
      '',
    ]);
  });

  it('includes helpers with dict and list arguments, merges values, and uses with/else', () => {
    const { content } = renderOne(
      `{{- $labels := merge (dict "tier" "web") .Values.labels }}
metadata:
  labels:
    {{- include "app.labels" (dict "labels" $labels "root" .) | nindent 4 }}
{{- with .Values.missing }}
  missing: {{ . }}
{{- else }}
  fallback: {{ .Values.fallback | default "none" }}
{{- end }}
{{- if eq .Values.mode "a" }}
mode: first
{{- else if eq .Values.mode "b" }}
mode: second
{{- else }}
mode: other
{{- end }}
`,
      'labels:\n  team: payments\n  tier: api\nmode: b\n',
      {
        helpers: `{{- define "app.labels" -}}
app: {{ .root.Chart.Name }}
{{- range $k, $v := .labels }}
{{ $k }}: {{ $v }}
{{- end }}
{{- end }}`,
      },
    );
    expect(lines(content!)).toEqual([
      '',
      'metadata:',
      '  labels:',
      '    app: app',
      '    team: payments',
      '    tier: web', // merge keeps the first map's value, as Sprig's does
      '  fallback: none',
      'mode: second',
      '',
    ]);
  });

  it('renders tpl, printf, trunc, trimSuffix, replace, upper/lower/title, b64enc, sha256sum', () => {
    const { content } = renderOne(
      `a: {{ tpl .Values.host . }}
b: {{ printf "%s-%s-%05d" .Release.Name "very-long-name-that-goes-on" 42 | trunc 30 | trimSuffix "-" }}
c: {{ "a+b+c" | replace "+" "_" | upper }}
d: {{ title "hello world" }} {{ lower "ABC" }}
e: {{ "secret" | b64enc }}
f: {{ "abc" | sha256sum | trunc 16 }}
g: {{ .Values.count | int | add 1 }}
h: {{ .Capabilities.APIVersions.Has "networking.k8s.io/v1" }} {{ semverCompare ">=1.19-0" .Capabilities.KubeVersion.GitVersion }}
i: {{ hasKey .Values "host" }} {{ contains "app" "my-app" }} {{ empty .Values.none }} {{ and true .Values.count }} {{ or false "" }}
j: {{ .Template.Name }} {{ .Release.Namespace }} {{ .Chart.AppVersion }}
k: {{ list 1 2 3 | toJson }} {{ squote "x" }}
`,
      'host: "{{ .Release.Name }}.example.com"\ncount: 2\n',
    );
    expect(lines(content!)).toEqual([
      'a: release-name.example.com',
      'b: release-name-very-long-name-th',
      'c: A_B_C',
      'd: Hello World abc',
      'e: c2VjcmV0',
      'f: ba7816bf8f01cfea',
      'g: 3',
      'h: true true',
      'i: true true true 2 ',
      'j: app/templates/t.yaml default 2.0',
      "k: [1,2,3] 'x'",
      '',
    ]);
  });

  it('keeps variables assigned in a range, breaks out of one, and trims around comments', () => {
    const { content } = renderOne(
      `{{- $last := "" }}
{{- range .Values.items }}
{{- if eq . "stop" }}{{ break }}{{ end }}
{{- $last = . }}
{{- end }}
last: {{ $last }}
{{- /* a comment */ -}}
{{/* another */}}
`,
      'items: [a, b, stop, c]\n',
    );
    expect(lines(content!)).toEqual(['', 'last: b', '']);
  });

  it('reads .Files.Get and fails like Helm on required and on a field of a missing value', () => {
    expect(
      renderOne('conf: {{ .Files.Get "conf/app.ini" | quote }}\n', '', {
        files: { 'app/conf/app.ini': 'x=1' },
      }).content,
    ).toBe('conf: "x=1"\n');
    expect(
      renderOne('a: {{ required "image.tag is required" .Values.tag }}\n')
        .error,
    ).toBe(
      'required value missing: image.tag is required (app/templates/t.yaml, line 1)',
    );
    expect(renderOne('a: {{ .Values.image.tag }}\n').error).toBe(
      'nil pointer evaluating interface {}.tag (app/templates/t.yaml, line 1)',
    );
  });

  it('renders random, secret and time functions with fixed placeholders, and must* variants', () => {
    const { content } = renderOne(
      `a: {{ randAlphaNum 8 }}
b: {{ now | date "2006-01-02" }}
c: {{ (genCA "ca" 365).Cert | b64enc | trunc 8 }}
d: {{ mustRegexReplaceAllLiteral "@sha.*" "1.2@sha256:ab" "" }}
e: {{ list 1 2 | mustFirst }} {{ base "a/b/c.txt" }} {{ ext "c.tar.gz" }} {{ addf 1.5 2 }}
`,
    );
    expect(lines(content!)).toEqual([
      'a: a1b2c3d4',
      'b: 2025-01-01',
      'c: LS0tLS1C',
      'd: 1.2',
      'e: 1 c.txt .gz 3.5',
      '',
    ]);
  });

  it('reads values as Helm does (YAML 1.1: no is false, merge keys merge) and Chart.yaml fields as strings', () => {
    const { content } = renderOne(
      `a: {{ if .Values.enabled }}on{{ else }}off{{ end }}
b: {{ .Values.mode }} {{ .Values.sidecar.image }} {{ .Values.sidecar.pull }}
c: {{ .Values.quoted }} {{ .Values.date }}
`,
      `enabled: no
mode: 0644
defaults: &defaults
  image: busybox
  pull: Always
sidecar:
  <<: *defaults
  pull: IfNotPresent
quoted: "no"
date: 2024-05-01
`,
      {
        files: {
          'app/Chart.yaml':
            'apiVersion: v2\nname: app\nversion: 1.0.0\nappVersion: 1.10\n',
        },
      },
    );
    expect(lines(content!)).toEqual([
      'a: off',
      'b: 420 busybox IfNotPresent',
      'c: no 2024-05-01',
      '',
    ]);
    expect(
      renderOne('v: {{ .Chart.AppVersion }}\n', '', {
        files: {
          'app/Chart.yaml':
            'apiVersion: v2\nname: app\nversion: 1.0.0\nappVersion: 1.10\n',
        },
      }).content,
    ).toBe('v: 1.10\n');
  });

  it('names the unsupported function, never a YAML parse error', () => {
    expect(renderOne('a: {{ toToml .Values }}\n').error).toBe(
      'Helm function toToml is not supported (app/templates/t.yaml, line 1)',
    );
    expect(renderOne('a: {{ call .Values.f }}\n').error).toBe(
      'Helm function call is not supported (app/templates/t.yaml, line 1)',
    );
  });
});

describe('renderHelmChart on hostile templates', () => {
  const quickly = (work: () => { error?: string }) => {
    const started = Date.now();
    const result = work();
    expect(Date.now() - started).toBeLessThan(3000);
    return result.error;
  };

  it('stops recursion through include at the depth limit', () => {
    expect(
      quickly(() =>
        renderOne('{{ include "loop" . }}\n', '', {
          helpers: '{{- define "loop" }}x{{ include "loop" . }}{{- end }}',
        }),
      ),
    ).toMatch(
      /deeper than 100 \(limits\.maxTemplateDepth\): is an include recursive\?/,
    );
  });

  it('stops an include that doubles at every level at the step or size limit', () => {
    const helpers = Array.from(
      { length: 40 },
      (_, i) =>
        `{{- define "l${i}" }}{{ include "l${i + 1}" . }}{{ include "l${
          i + 1
        }" . }}{{- end }}`,
    ).join('\n');
    expect(
      quickly(() =>
        renderOne('{{ include "l0" . }}\n', '', {
          helpers: `${helpers}\n{{- define "l40" }}ab{{- end }}`,
        }),
      ),
    ).toMatch(/limits\.maxTemplate(Steps)|limits\.maxRenderedBytes/);
  });

  it('stops a huge range at the output or step limit', () => {
    expect(
      quickly(() => renderOne('{{ range until 100000000 }}x{{ end }}\n')),
    ).toMatch(/limits\.maxRenderedBytes/);
    expect(
      quickly(() => renderOne('{{ range $i := 100000000 }}{{ end }}\n')),
    ).toMatch(/limits\.maxTemplateSteps/);
    expect(
      quickly(() =>
        renderOne(
          '{{ range .Values.l }}{{ range $.Values.l }}{{ range $.Values.l }}x{{ end }}{{ end }}{{ end }}\n',
          `l: [${Array(300).fill(1).join(',')}]\n`,
          {
            limits: { maxRenderedBytes: 1_000_000 },
          },
        ),
      ),
    ).toMatch(/limits\.maxRenderedBytes|limits\.maxTemplateSteps/);
  });

  it('refuses a string built larger than the output limit before building it', () => {
    expect(quickly(() => renderOne('{{ repeat 1000000000 "xy" }}\n'))).toMatch(
      /more than 4194304 bytes \(limits\.maxRenderedBytes\)/,
    );
    expect(
      quickly(() => renderOne('{{ "a\\nb" | nindent 900000000 }}\n')),
    ).toMatch(/limits\.maxRenderedBytes/);
  });

  it('refuses nesting deeper than the depth limit', () => {
    const ifs = `${'{{ if true }}'.repeat(5000)}x${'{{ end }}'.repeat(5000)}`;
    expect(quickly(() => renderOne(ifs))).toMatch(
      /nested deeper than 100 \(limits\.maxTemplateDepth\)/,
    );
    const parens = `{{ ${'('.repeat(5000)}1${')'.repeat(5000)} }}`;
    expect(quickly(() => renderOne(parens))).toMatch(/nested deeper than 100/);
  });

  it('honours configured limits', () => {
    expect(
      renderOne('{{ range until 50 }}x{{ end }}\n', '', {
        limits: { maxTemplateSteps: 20 },
      }).error,
    ).toMatch(/more than 20 steps/);
  });

  it('refuses a regular expression a backtracking engine would hang on', () => {
    expect(
      quickly(() =>
        renderOne(`{{ regexMatch "(a+)+$" "${'a'.repeat(40)}!" }}\n`),
      ),
    ).toMatch(/too complex to evaluate safely/);
  });
});

describe('renderHelmChart with vendored subcharts', () => {
  const files = (parentValues: string, condition = '') =>
    new Map<string, string>([
      [
        'app/Chart.yaml',
        `apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: cache\n    version: 1.x\n    repository: https://charts.example\n${condition}  - name: missing\n    version: 2.x\n    repository: https://charts.example\n`,
      ],
      ['app/values.yaml', parentValues],
      ['app/templates/t.yaml', 'kind: {{ .Chart.Name }}\n'],
      [
        'app/charts/cache/Chart.yaml',
        'apiVersion: v2\nname: cache\nversion: 7.1.0\n',
      ],
      [
        'app/charts/cache/values.yaml',
        'image: cache:7\nsecurityContext:\n  runAsNonRoot: true\n',
      ],
      [
        'app/charts/cache/templates/_helpers.tpl',
        '{{- define "cache.name" }}{{ .Release.Name }}-{{ .Chart.Name }}{{ end }}',
      ],
      [
        'app/charts/cache/templates/sts.yaml',
        `name: {{ include "cache.name" . }}
template: {{ .Template.Name }}
image: {{ .Values.image }}
region: {{ .Values.global.region }}
securityContext:
  {{- toYaml .Values.securityContext | nindent 2 }}
`,
      ],
    ]);
  const render = (map: Map<string, string>) =>
    renderHelmChart({
      root: 'app',
      paths: [...map.keys()],
      read: path => map.get(path),
      valuesFiles: [],
      limits: TEST_RENDER_LIMITS,
    });

  it('renders them with their values under the parent values at their name, plus global', () => {
    const outcome = render(
      files(
        'global:\n  region: eu\ncache:\n  securityContext:\n    privileged: true\n',
      ),
    );
    if (outcome.status !== 'rendered') throw new Error(outcome.error.message);
    expect(outcome.failures).toEqual([]);
    const sts = outcome.outputs.find(
      o => o.path === 'app/charts/cache/templates/sts.yaml',
    )!;
    expect(lines(sts.content)).toEqual([
      'name: release-name-cache',
      'template: app/charts/cache/templates/sts.yaml',
      'image: cache:7',
      'region: eu',
      'securityContext:',
      '  privileged: true',
      '  runAsNonRoot: true',
      '',
    ]);
    // The override comes from the parent's values.yaml, at the subchart's name.
    expect(sts.lineOrigins[5]?.value).toMatchObject({
      path: 'app/values.yaml',
      key: 'cache.securityContext.privileged',
      range: { start: { line: 5 } },
    });
    expect(sts.lineOrigins[6]?.value).toMatchObject({
      path: 'app/charts/cache/values.yaml',
      key: 'securityContext.runAsNonRoot',
    });
    expect(outcome.notes).toEqual([
      expect.stringContaining(
        'The subchart missing was not rendered: it is a dependency not vendored',
      ),
    ]);
  });

  it('leaves out a subchart its condition turns off, and says so', () => {
    const outcome = render(
      files('cache:\n  enabled: false\n', '    condition: cache.enabled\n'),
    );
    if (outcome.status !== 'rendered') throw new Error(outcome.error.message);
    expect(outcome.outputs.map(o => o.path)).toEqual(['app/templates/t.yaml']);
    expect(outcome.notes).toContainEqual(
      'The subchart cache is turned off by its condition cache.enabled: not rendered.',
    );
  });
});

describe('renderHelmChart: .Files, library charts, missing dependencies', () => {
  it('globs the chart files, ranges over them and writes them as config', () => {
    const { content } = renderOne(
      `{{- range $path, $_ := .Files.Glob "conf/*.yaml" }}
- {{ $path }}: {{ $.Files.Get $path | trim }}
{{- end }}
data:
  {{- (.Files.Glob "conf/**").AsConfig | nindent 2 }}
`,
      '',
      {
        files: {
          'app/conf/a.yaml': 'x: 1\n',
          'app/conf/b.yaml': 'y: 2\n',
          'app/conf/sub/c.yaml': 'z: 3',
        },
      },
    );
    expect(lines(content!)).toEqual([
      '',
      '- conf/a.yaml: x: 1',
      '- conf/b.yaml: y: 2',
      'data:',
      '  a.yaml: |',
      '    x: 1',
      '  b.yaml: |',
      '    y: 2',
      "  c.yaml: 'z: 3'",
      '',
    ]);
  });

  it("renders none of a library subchart's templates but uses its definitions", () => {
    const { content, output } = renderOne(
      'name: {{ include "lib.name" . }}\n',
      '',
      {
        files: {
          'app/charts/lib/Chart.yaml':
            'apiVersion: v2\nname: lib\ntype: library\nversion: 1.0.0\n',
          'app/charts/lib/templates/_names.tpl':
            '{{- define "lib.name" -}}{{ .Release.Name }}-lib{{- end }}',
          'app/charts/lib/templates/example.yaml': 'kind: NotRendered\n',
        },
      },
    );
    expect(content).toBe('name: release-name-lib\n');
    expect(output?.path).toBe('app/templates/t.yaml');
  });

  it('says a missing definition probably comes from a dependency that is not vendored', () => {
    const files = new Map([
      [
        'app/Chart.yaml',
        'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: common\n    version: 2.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n',
      ],
      ['app/values.yaml', ''],
      [
        'app/templates/t.yaml',
        'name: {{ include "common.names.fullname" . }}\n',
      ],
    ]);
    const outcome = renderHelmChart({
      root: 'app',
      paths: [...files.keys()],
      read: path => files.get(path),
      valuesFiles: [],
      limits: TEST_RENDER_LIMITS,
    });
    if (outcome.status !== 'rendered') throw new Error(outcome.error.message);
    expect(outcome.failures[0].error.message).toBe(
      'no template "common.names.fullname" associated with template (app/templates/t.yaml, line 1): it is probably defined by common, a dependency not vendored in charts/ (run helm dependency build and commit the unpacked chart)',
    );
  });
});
