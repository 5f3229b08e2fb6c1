import { renderTestApp } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import { fakeApi } from './__testUtils__/renderWithApi';
import { containerScorecardApiRef } from './api';
import containerScorecardPlugin from './alpha';

describe('the pages of the new frontend system', () => {
  it.each([
    ['/container-scorecard', 'Container report'],
    ['/container-scorecard/teams', 'Team scores'],
    ['/container-scorecard/rules', 'Container rules'],
  ])('title the page at %s "%s", linking to that page', async (path, title) => {
    renderTestApp({
      features: [containerScorecardPlugin],
      initialRouteEntries: [path],
      apis: [[containerScorecardApiRef, fakeApi({})]],
    });

    const heading = await screen.findByRole('heading', {
      level: 1,
      name: title,
    });
    expect(within(heading).getByRole('link')).toHaveAttribute('href', path);
  });
});
