import { screen } from '@testing-library/react';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { renderInTestApp } from '@backstage/test-utils';
import { useEntityPath } from './useEntityPath';

const ShowPath = () => {
  const entityPath = useEntityPath();
  return (
    <span>
      {entityPath('component:default/checkout-api', 'container-scorecard')}
    </span>
  );
};

describe('useEntityPath', () => {
  it('follows wherever the app mounts the catalog', async () => {
    await renderInTestApp(<ShowPath />, {
      mountedRoutes: { '/portal/:namespace/:kind/:name': entityRouteRef },
    });
    expect(
      screen.getByText(
        '/portal/default/component/checkout-api/container-scorecard',
      ),
    ).toBeInTheDocument();
  });

  it("falls back to the catalog's default path when the catalog is not mounted", async () => {
    await renderInTestApp(<ShowPath />);
    expect(
      screen.getByText(
        '/catalog/default/component/checkout-api/container-scorecard',
      ),
    ).toBeInTheDocument();
  });
});
