import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { linesOf, readFixtureTree, TEST_RENDER_LIMITS } from './helmTestUtils';
import { renderHelmChart } from './renderHelmChart';

const FIXTURE = join(__dirname, '__fixtures__', 'helm-create');
const expected = (name: string) =>
  readFileSync(join(FIXTURE, 'expected', name), 'utf8');

function render(valuesFiles: string[] = [], extra = new Map<string, string>()) {
  const files = readFixtureTree(join(FIXTURE, 'mychart'), 'deploy/mychart');
  for (const [path, content] of extra) files.set(path, content);
  const outcome = renderHelmChart({
    root: 'deploy/mychart',
    paths: [...files.keys()],
    read: path => files.get(path),
    valuesFiles,
    limits: TEST_RENDER_LIMITS,
    includeNotes: true,
  });
  if (outcome.status !== 'rendered') throw new Error(outcome.error.message);
  expect(outcome.failures).toEqual([]);
  return new Map(
    outcome.outputs.map(o => [
      o.path.replace('deploy/mychart/templates/', ''),
      o,
    ]),
  );
}

describe('renderHelmChart on the chart `helm create mychart` scaffolds (Helm 3.16)', () => {
  it('renders every template with the default values exactly as helm template does', () => {
    const outputs = render();
    // hpa.yaml and ingress.yaml are disabled by default: they render to nothing.
    expect([...outputs.keys()].sort()).toEqual([
      'NOTES.txt',
      'deployment.yaml',
      'service.yaml',
      'serviceaccount.yaml',
      'tests/test-connection.yaml',
    ]);
    for (const [template, file] of [
      ['deployment.yaml', 'deployment.yaml'],
      ['service.yaml', 'service.yaml'],
      ['serviceaccount.yaml', 'serviceaccount.yaml'],
      ['tests/test-connection.yaml', 'test-connection.yaml'],
      ['NOTES.txt', 'NOTES.txt'],
    ]) {
      expect({
        template,
        lines: linesOf(outputs.get(template)!.content),
      }).toEqual({
        template,
        lines: linesOf(expected(file)),
      });
    }
  });

  it('renders hpa.yaml, ingress.yaml and pod annotations when a values file enables them', () => {
    const outputs = render(
      ['deploy/values-prod.yaml'],
      new Map([
        ['deploy/values-prod.yaml', expected('values-all-enabled.yaml')],
      ]),
    );
    expect(linesOf(outputs.get('hpa.yaml')!.content)).toEqual(
      linesOf(expected('hpa.yaml')),
    );
    expect(linesOf(outputs.get('ingress.yaml')!.content)).toEqual(
      linesOf(expected('ingress.yaml')),
    );
    const head = linesOf(expected('deployment-all-enabled-head.yaml'));
    expect(
      linesOf(outputs.get('deployment.yaml')!.content).slice(
        0,
        head.length - 1,
      ),
    ).toEqual(head.slice(0, -1));
  });

  it('knows where each rendered line came from', () => {
    const deployment = render().get('deployment.yaml')!;
    const lines = linesOf(deployment.content);
    const originOf = (text: string) =>
      deployment.lineOrigins[lines.findIndex(l => l.includes(text))];
    expect(originOf('kind: Deployment')).toEqual({
      path: 'deploy/mychart/templates/deployment.yaml',
      line: 2,
    });
    expect(originOf('imagePullPolicy')).toMatchObject({
      line: 38,
      value: { path: 'deploy/mychart/values.yaml', key: 'image.pullPolicy' },
    });
    expect(originOf('port: http')).toMatchObject({
      line: 44,
      value: {
        path: 'deploy/mychart/values.yaml',
        key: 'livenessProbe.httpGet.port',
      },
    });
    // A key the template writes over a block of values is that values key.
    expect(originOf('resources:')).toMatchObject({
      line: 47,
      value: {
        path: 'deploy/mychart/values.yaml',
        key: 'resources',
        range: { start: { line: 76 } },
      },
    });
    expect(originOf('securityContext:')).toMatchObject({
      line: 31,
      value: { key: 'podSecurityContext', range: { start: { line: 41 } } },
    });
    // A label written by a helper is attributed to the line that included it.
    expect(originOf('helm.sh/chart')).toEqual({
      path: 'deploy/mychart/templates/deployment.yaml',
      line: 6,
    });
  });
});
