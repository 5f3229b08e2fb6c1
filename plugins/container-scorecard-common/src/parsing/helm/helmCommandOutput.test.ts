import { helmCommandOutcome } from './helmCommandOutput';

const TEMPLATES: Record<string, string> = {
  'charts/shop/templates/deployment.yaml': [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: {{ include "shop.fullname" . }}',
    'spec:',
    '  replicas: {{ .Values.replicaCount }}',
  ].join('\n'),
};

describe('helmCommandOutcome', () => {
  const read = (path: string) => TEMPLATES[path];

  it('reports each document under the template its # Source comment names, subcharts included', () => {
    const output = [
      '---',
      '# Source: shop/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: release-name-shop',
      'spec:',
      '  replicas: 3',
      '---',
      '# Source: shop/charts/db/templates/statefulset.yaml',
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      '---',
      '# Source: shop/templates/deployment.yaml',
      'apiVersion: apps/v1',
      'kind: Deployment',
      '',
    ].join('\n');
    const outcome = helmCommandOutcome(
      'charts/shop',
      'charts/shop/Chart.yaml',
      {
        status: 'rendered',
        output,
        valuesFiles: ['deploy/prod.yaml'],
        commandLine:
          'helm template release-name charts/shop -f deploy/prod.yaml',
      },
      read,
    );
    if (outcome.status !== 'rendered') throw new Error('not rendered');
    expect(outcome.valuesFiles).toEqual(['deploy/prod.yaml']);
    expect(outcome.notes[0]).toContain(
      'helm template release-name charts/shop',
    );
    expect(outcome.outputs.map(o => o.path)).toEqual([
      'charts/shop/templates/deployment.yaml',
      'charts/shop/charts/db/templates/statefulset.yaml',
    ]);
    const [deployment] = outcome.outputs;
    const lines = deployment.content.split('\n');
    // Two documents of one template: kept apart by a separator.
    expect(lines.filter(line => line === '---')).toHaveLength(1);
    const lineOf = (text: string) =>
      deployment.lineOrigins[lines.indexOf(text)]?.line;
    expect(lineOf('kind: Deployment')).toBe(2); // literal text of the template
    expect(lineOf('  replicas: 3')).toBe(6); // a value: found by its key
    expect(lineOf('  name: release-name-shop')).toBe(4);
    expect(deployment.lineOrigins[0]).toEqual({
      path: 'charts/shop/templates/deployment.yaml',
      line: 1, // the # Source comment itself: no line of the template
    });
  });

  it('is "could not analyse" with the reason when the command failed', () => {
    expect(
      helmCommandOutcome(
        '',
        'Chart.yaml',
        {
          status: 'failed',
          error: { code: 'render-error', message: 'helm template failed' },
        },
        read,
      ),
    ).toEqual({
      status: 'could-not-analyse',
      error: { code: 'render-error', message: 'helm template failed' },
    });
  });
});
