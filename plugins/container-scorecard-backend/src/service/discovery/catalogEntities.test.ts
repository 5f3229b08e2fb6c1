import { lowerCaseEnUs, refOf } from './catalogEntities';

describe('lowerCaseEnUs', () => {
  it.each([
    'Component:Default/Checkout-API',
    'İstanbul',
    'ΌΣΟΣ ΑΣ',
    'STRASSE Straße',
    'ǅemal',
    'I\u0307NDEX',
    'ĲSSEL',
  ])('lower-cases %p exactly as the catalog does', value => {
    expect(lowerCaseEnUs(value)).toBe(value.toLocaleLowerCase('en-US'));
  });

  it('gives lower-cased entity refs', () => {
    expect(
      refOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'Checkout-API', namespace: 'Payments' },
      }),
    ).toBe('component:payments/checkout-api');
  });
});
