import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  analysedScorecard,
  couldNotAnalyseScorecard,
  historyOf,
  ruleCatalogue,
} from '../../__testUtils__/fixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardContent } from './EntityContainerScorecardContent';

const baseApi = {
  getEntityScorecard: async () => analysedScorecard,
  getEntityHistory: async () => historyOf('component:default/checkout-api'),
  getRules: async () => ruleCatalogue,
};

describe('EntityContainerScorecardContent', () => {
  it('shows each file with its findings grouped by rule, rationale once, and the fix', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi(baseApi),
      entity: checkoutApiEntity,
    });

    expect(
      await screen.findByRole('link', {
        name: /^Dockerfile in source control/,
      }),
    ).toHaveAttribute(
      'href',
      'https://scm.example/northwind/checkout-api/blob/main/Dockerfile',
    );

    const high = screen.getByRole('group', {
      name: 'Base image pinned: 1 finding',
    });
    expect(high).toHaveAttribute('open');
    expect(
      within(high).getByRole('link', {
        name: 'Rule base-image-pinned in the rule catalogue',
      }),
    ).toHaveAttribute(
      'href',
      '/container-scorecard/rules?rule=base-image-pinned#base-image-pinned',
    );
    expect(
      within(high).getByText(/An unpinned base image changes under you/),
    ).toBeInTheDocument();
    expect(
      within(high).getByText('Pin the base image by tag and digest.'),
    ).toBeInTheDocument();
    const pinned = within(high).getByRole('article', {
      name: 'The base image node:20 is not pinned by digest. (Dockerfile:1)',
    });
    expect(
      within(pinned).getByRole('link', {
        name: /^Open Dockerfile:1 in source control/,
      }),
    ).toHaveAttribute(
      'href',
      'https://scm.example/northwind/checkout-api/blob/main/Dockerfile#L1',
    );
    // A result stored before fixes carried their whole-line diff: the snippet's own change.
    const diff = within(pinned).getByLabelText('Proposed change at line 1');
    expect(diff).toHaveTextContent('-node:20');
    expect(diff).toHaveTextContent('+node:20-slim');
    expect(
      within(pinned).getByRole('button', { name: 'Copy fixed text' }),
    ).toBeEnabled();

    // Milder rules start collapsed, and the generic example stays in the catalogue.
    const medium = screen.getByRole('group', {
      name: 'Exec-form CMD: 1 finding',
    });
    expect(medium).not.toHaveAttribute('open');
    expect(
      within(medium).getByLabelText('Offending text at Dockerfile:9'),
    ).toHaveTextContent('CMD npm start');
    expect(screen.queryByLabelText('Example after')).toBeNull();
  });

  it('lists suppressed findings apart, with reason and expiry', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi(baseApi),
      entity: checkoutApiEntity,
    });
    const table = await screen.findByRole('table', {
      name: 'Suppressed findings',
    });
    expect(table).toHaveTextContent('no-healthcheck');
    expect(table).toHaveTextContent('The orchestrator probes /healthz');
    expect(table).toHaveTextContent('2027-01-31');
    expect(table).toHaveTextContent('Inline comment');
  });

  it('rescans for those allowed and shows the new result', async () => {
    const rescanEntity = jest.fn(async () => ({
      ...analysedScorecard,
      score: 91,
      grade: 'A' as const,
    }));
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({ ...baseApi, rescanEntity }),
      entity: checkoutApiEntity,
      allowed: true,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /Rescan now/ }),
    );
    await waitFor(() =>
      expect(screen.getAllByLabelText('grade A').length).toBeGreaterThan(0),
    );
    expect(rescanEntity).toHaveBeenCalledWith({
      kind: 'Component',
      namespace: 'default',
      name: 'checkout-api',
    });
  });

  it('shows a file that could not be analysed with its reason', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        ...baseApi,
        getEntityScorecard: async () => couldNotAnalyseScorecard,
      }),
      entity: checkoutApiEntity,
    });
    expect(
      await screen.findByText(
        /Could not analyse this file: unterminated heredoc/,
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Could not analyse')).toBeInTheDocument();
  });

  it('still shows findings when the rule catalogue fails', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        ...baseApi,
        getRules: () => Promise.reject(new Error('rules down')),
      }),
      entity: checkoutApiEntity,
    });
    expect(
      (await screen.findAllByText(/CMD uses the shell form/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByText('Why it matters')).toBeNull();
    expect(
      screen.getByRole('group', { name: 'exec-form-cmd: 1 finding' }),
    ).toBeInTheDocument();
  });

  it('shows the error when the scorecard cannot be read', async () => {
    await renderWithApi(<EntityContainerScorecardContent />, {
      api: fakeApi({
        ...baseApi,
        getEntityScorecard: () => Promise.reject(new Error('backend down')),
      }),
      entity: checkoutApiEntity,
    });
    expect((await screen.findAllByText(/backend down/)).length).toBeGreaterThan(
      0,
    );
  });
});
