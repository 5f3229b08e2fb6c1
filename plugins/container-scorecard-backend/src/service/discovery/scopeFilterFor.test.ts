import { scopeFilterFor } from './scopeFilterFor';

const payments = { kind: 'Component', namespace: 'default', name: 'payments' };

describe('scopeFilterFor', () => {
  it('narrows a filter to one entity, keeping its other conditions', () => {
    expect(
      scopeFilterFor({ kind: 'Component', 'spec.type': 'service' }, payments),
    ).toEqual([
      {
        'spec.type': 'service',
        kind: 'Component',
        'metadata.namespace': 'default',
        'metadata.name': 'payments',
      },
    ]);
  });

  it('drops alternatives that name another kind, namespace or name, case-insensitively', () => {
    expect(
      scopeFilterFor(
        [
          { kind: 'API' },
          { KIND: ['resource', 'component'], 'spec.type': 'x' },
        ],
        payments,
      ),
    ).toEqual([
      {
        'spec.type': 'x',
        kind: 'Component',
        'metadata.namespace': 'default',
        'metadata.name': 'payments',
      },
    ]);
    expect(scopeFilterFor({ kind: 'Resource' }, payments)).toBeUndefined();
    expect(
      scopeFilterFor({ 'metadata.namespace': 'other' }, payments),
    ).toBeUndefined();
  });
});
