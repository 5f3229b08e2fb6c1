import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ruleCatalogue } from '../../__testUtils__/fixtures';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { RuleCataloguePage } from './RuleCataloguePage';

describe('RuleCataloguePage', () => {
  it('shows every rule by pillar with rationale, examples and equivalents', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: async () => ruleCatalogue }),
    });
    expect(
      await screen.findByText('Ruleset 1.0.0+abc123, 3 rules'),
    ).toBeInTheDocument();
    const immutable = screen.getByRole('region', {
      name: 'Immutable, reproducible images (1)',
    });
    expect(
      within(immutable).getByText(/An unpinned base image/),
    ).toBeInTheDocument();
    expect(
      within(immutable).getByLabelText('base-image-pinned example after'),
    ).toHaveTextContent('FROM node:20-slim@sha256:0123');
    const equivalents = within(immutable).getByRole('list', {
      name: 'base-image-pinned equivalents',
    });
    expect(equivalents).toHaveTextContent('hadolint: DL3006');
    expect(equivalents).toHaveTextContent('trivy: DS-0001');
    expect(within(immutable).getByText('Automatic fix')).toBeInTheDocument();
    expect(
      screen.getByRole('region', {
        name: 'Process lifecycle and operability (2)',
      }),
    ).toBeInTheDocument();
  });

  it('explains how scores are made, with the weights the scoring uses, where findings link to', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: async () => ruleCatalogue }),
    });
    const section = await screen.findByRole('region', {
      name: 'How scores are made',
    });
    expect(section).toHaveAttribute('id', 'how-scores-are-made');
    expect(section).toHaveTextContent(
      'critical 40, high 20, medium 8, low 3, info 0',
    );
    expect(section).toHaveTextContent(
      '50% the average of its analysed files and 50% its worst file',
    );
    expect(section).toHaveTextContent(
      'A from 90, B from 75, C from 60, D from 40, F from 0',
    );
  });

  it('finds a rule by the id another tool gives it', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: async () => ruleCatalogue }),
    });
    await userEvent.type(
      await screen.findByRole('textbox', { name: 'Search rules' }),
      'DL3025',
    );
    expect(screen.getByText('Exec-form CMD')).toBeInTheDocument();
    expect(screen.queryByText('Base image pinned')).toBeNull();

    await userEvent.clear(
      screen.getByRole('textbox', { name: 'Search rules' }),
    );
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Search rules' }),
      'nothing like this',
    );
    expect(
      screen.getByText('No rule matches these filters.'),
    ).toBeInTheDocument();
  });

  it('shows the error when the catalogue cannot be read', async () => {
    await renderWithApi(<RuleCataloguePage />, {
      api: fakeApi({ getRules: () => Promise.reject(new Error('rules down')) }),
    });
    expect((await screen.findAllByText(/rules down/)).length).toBeGreaterThan(
      0,
    );
  });
});
