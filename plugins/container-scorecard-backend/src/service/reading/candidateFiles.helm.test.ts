import type { Entity } from '@backstage/catalog-model';
import {
  ANNOTATION_HELM_VALUES,
  helmValuesKey,
  helmValuesOf,
  renderOptionsOf,
} from '../discovery/helmValuesAnnotation';
import { createCandidateFilter } from './candidateFiles';

describe('Helm charts in the candidate filter', () => {
  const decide = createCandidateFilter({ maxFileBytes: 1000 });

  it('reads a chart: Chart.yaml, values files, templates and their .tpl helpers', () => {
    expect(decide('charts/api/Chart.yaml', 10)).toBe('read');
    expect(decide('charts/api/values.yaml', 10)).toBe('read');
    expect(decide('charts/api/templates/deployment.yaml', 10)).toBe('read');
    expect(decide('charts/api/templates/_helpers.tpl', 10)).toBe('read');
    expect(decide('charts/api/templates/sub/_more.tpl', 10)).toBe('read');
    expect(decide('charts/api/templates/NOTES.txt', 10)).toBe('skip');
    expect(decide('docs/layout.tpl', 10)).toBe('skip');
  });

  it('skips an oversized helper instead of reporting it as a definition', () => {
    expect(decide('charts/api/templates/_helpers.tpl', 5000)).toBe('skip');
  });
});

describe('the container-scorecard.io/helm-values annotation', () => {
  const entity = (value?: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'api',
      annotations:
        value === undefined ? {} : { [ANNOTATION_HELM_VALUES]: value },
    },
  });

  it('lists values files, comma- or newline-separated, relative to the repository', () => {
    expect(
      helmValuesOf(entity('deploy/values-prod.yaml, ./deploy/eu.yaml\nx.yaml')),
    ).toEqual(['deploy/values-prod.yaml', 'deploy/eu.yaml', 'x.yaml']);
    expect(renderOptionsOf(entity('a.yaml'))).toEqual({
      helmValuesFiles: ['a.yaml'],
    });
    expect(renderOptionsOf(entity())).toBeUndefined();
  });

  it('keys results by the values files, so changing them rescans', () => {
    expect(helmValuesKey(entity())).toBe('');
    expect(helmValuesKey(entity('a.yaml,b.yaml'))).toBe(
      '|helm-values=a.yaml,b.yaml',
    );
  });

  it('refuses paths outside the repository with a reason', () => {
    expect(helmValuesOf(entity('../other/values.yaml'))).toEqual({
      invalid: expect.stringContaining('must be a path inside the repository'),
    });
    expect(helmValuesOf(entity('/etc/values.yaml'))).toEqual({
      invalid: expect.stringContaining('must be a path inside the repository'),
    });
  });
});
