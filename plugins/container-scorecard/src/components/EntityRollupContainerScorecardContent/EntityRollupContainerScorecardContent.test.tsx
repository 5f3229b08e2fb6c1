import type { Entity } from '@backstage/catalog-model';
import { screen } from '@testing-library/react';
import { teamScorecard } from '../../__testUtils__/fixtures';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { isRollupScorecardAvailable } from '../../conditions';
import { EntityRollupContainerScorecardContent } from './EntityRollupContainerScorecardContent';

const shipping: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shipping', namespace: 'default', title: 'Shipping' },
  spec: { owner: 'group:default/fulfilment' },
};

describe('EntityRollupContainerScorecardContent', () => {
  it('rolls a System up over its services, named as a system', async () => {
    const getRollupScorecard = jest.fn(async () => ({
      ...teamScorecard({ total: 5, limit: 25 }),
      teamRef: 'system:default/shipping',
      title: 'Shipping',
    }));
    await renderWithApi(<EntityRollupContainerScorecardContent />, {
      api: fakeApi({ getRollupScorecard }),
      entity: shipping,
    });
    expect(
      await screen.findByText('5 of 5 services analysed'),
    ).toBeInTheDocument();
    expect(getRollupScorecard).toHaveBeenCalledWith(
      'system',
      { namespace: 'default', name: 'shipping' },
      expect.objectContaining({ days: 90, sort: 'score', order: 'asc' }),
    );
    expect(screen.getByText('System score')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', {
        name: 'System score over the last 90 days',
      }),
    ).toBeInTheDocument();
  });

  it('is offered on Systems and Domains only', () => {
    expect(isRollupScorecardAvailable(shipping)).toBe(true);
    expect(isRollupScorecardAvailable({ ...shipping, kind: 'Domain' })).toBe(
      true,
    );
    expect(isRollupScorecardAvailable({ ...shipping, kind: 'Component' })).toBe(
      false,
    );
  });
});
