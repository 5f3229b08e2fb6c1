import { helmRenderer, isHelmTemplateHelper } from './helmRenderer';

const file = (path: string) => ({ path, content: '' });

describe('helmRenderer.findUnits', () => {
  it('finds charts, keeps vendored subcharts in their parent, and claims values files', () => {
    const units = helmRenderer.findUnits(
      [
        'Dockerfile',
        'deploy/chart/Chart.yaml',
        'deploy/chart/values.yaml',
        'deploy/chart/ci/values-ha.yaml',
        'deploy/chart/templates/deployment.yaml',
        'deploy/chart/templates/_helpers.tpl',
        'deploy/chart/charts/redis/Chart.yaml',
        'deploy/chart/charts/redis/templates/sts.yaml',
        'deploy/chart/tools/Dockerfile',
        'other/Chart.yaml', // no templates/: not a chart
        'other/values.yaml',
        'k8s/app.yaml',
        'deploy/values-prod.yaml',
      ].map(file),
      { helmValuesFiles: ['./deploy/values-prod.yaml'] },
    );
    expect(units).toEqual([
      {
        renderer: 'helm',
        root: 'deploy/chart',
        primaryPath: 'deploy/chart/Chart.yaml',
        sourcePaths: [
          'deploy/chart/Chart.yaml',
          'deploy/chart/values.yaml',
          'deploy/chart/ci/values-ha.yaml',
          'deploy/chart/templates/deployment.yaml',
          'deploy/chart/templates/_helpers.tpl',
          'deploy/chart/charts/redis/Chart.yaml',
          'deploy/chart/charts/redis/templates/sts.yaml',
          'deploy/values-prod.yaml',
        ],
        valuesFiles: ['deploy/values-prod.yaml'],
      },
    ]);
  });

  it('groups the files of thousands of charts in linear time', () => {
    const paths: string[] = [];
    for (let i = 0; i < 3000; i++) {
      for (const name of [
        'Chart.yaml',
        'values.yaml',
        'templates/a.yaml',
        'templates/_h.tpl',
      ])
        paths.push(`charts/c${i}/${name}`);
    }
    const started = Date.now();
    const units = helmRenderer.findUnits(paths.map(file), {});
    expect(units).toHaveLength(3000);
    expect(units[0].sourcePaths).toHaveLength(4);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

describe('isHelmTemplateHelper', () => {
  it('is true for .tpl files under a templates directory', () => {
    expect(isHelmTemplateHelper('templates/_helpers.tpl')).toBe(true);
    expect(isHelmTemplateHelper('a/b/templates/x/_y.tpl')).toBe(true);
    expect(isHelmTemplateHelper('a/layout.tpl')).toBe(false);
  });
});
