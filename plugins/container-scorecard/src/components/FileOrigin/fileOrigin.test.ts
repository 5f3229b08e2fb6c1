import {
  pathInSource,
  renderedFromSentence,
  renderingSentence,
} from './fileOrigin';

const at = (line: number) => ({
  start: { line, column: 1 },
  end: { line, column: 10 },
});
const source = { label: 'deploy', location: 'https://git.example/deploy' };

describe('where a rendered file and its findings come from, in words', () => {
  it('strips only its own source prefix from a path', () => {
    expect(pathInSource('@deploy/a/b.yaml', source)).toBe('a/b.yaml');
    expect(pathInSource('@other/a/b.yaml', source)).toBe('@other/a/b.yaml');
    expect(pathInSource('@deploy/a/b.yaml')).toBe('@deploy/a/b.yaml');
  });

  it('names the overlay, or the chart and its values files', () => {
    expect(
      renderingSentence(
        { renderer: 'kustomize', unit: '@deploy/overlays/prod' },
        source,
      ),
    ).toBe('Built by kustomize from overlays/prod');
    expect(renderingSentence({ renderer: 'kustomize', unit: '' })).toBe(
      'Built by kustomize from the repository root',
    );
    expect(renderingSentence({ renderer: 'helm', unit: 'chart' })).toBe(
      'Rendered by Helm from the chart chart, with its values.yaml',
    );
  });

  it('adds the template line only when the finding points at a values key', () => {
    const template = {
      renderer: 'helm',
      path: 'chart/templates/deployment.yaml',
      range: at(12),
      renderedSnippet: 'privileged: true',
    };
    expect(renderedFromSentence(template, undefined)).toBeUndefined();
    expect(
      renderedFromSentence(
        { ...template, valuesPath: 'chart/values.yaml', valuesKey: 'a.b' },
        undefined,
      ),
    ).toBe(
      'The value is written into the template at chart/templates/deployment.yaml:12',
    );
  });
});
