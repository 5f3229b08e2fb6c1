import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  historyOf,
  legacyScorecard,
  ruleCatalogue,
} from '../../__testUtils__/fixtures';
import {
  checkoutApiEntity,
  fakeApi,
  renderWithApi,
} from '../../__testUtils__/renderWithApi';
import { EntityContainerScorecardContent } from './EntityContainerScorecardContent';

const api = fakeApi({
  getEntityScorecard: async () => legacyScorecard,
  getEntityHistory: async () =>
    historyOf('component:default/legacy-billing-portal'),
  getRules: async () => ruleCatalogue,
});

function clipboard() {
  const writeText = jest.fn().mockResolvedValue(undefined);
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText },
    configurable: true,
  });
  return writeText;
}

async function render(route = '/') {
  return renderWithApi(<EntityContainerScorecardContent />, {
    api,
    entity: checkoutApiEntity,
    routeEntries: [route],
  });
}

function occurrence(name: RegExp) {
  return screen.getByRole('article', { name });
}

/** The findings listed on the page (other cards are articles too). */
function listedFindings() {
  return screen
    .getAllByRole('article')
    .filter(article => article.id.startsWith('finding-'));
}

describe('the remediation view of a failing service', () => {
  it('shows each fix as a diff of whole lines with context, and copies the patch and the fixed lines', async () => {
    const writeText = clipboard();
    await render();
    await screen.findByTestId('remediation-summary');

    // Replace: the whole CMD line, removed and added, numbered as in the file.
    const cmd = occurrence(/CMD uses the shell form/);
    const cmdDiff = within(cmd).getByLabelText('Diff of the fix from line 4');
    expect(cmdDiff.textContent).toContain('7-CMD /srv/start.sh');
    expect(cmdDiff.textContent).toContain('7+CMD ["/srv/start.sh"]');
    expect(cmdDiff.textContent).toContain('6COPY . /srv');

    // Delete: EXPOSE 22 removed, nothing added; the fixed lines are the context without it.
    const ssh = occurrence(/EXPOSE 22 advertises/);
    await userEvent.click(
      within(ssh).getByRole('button', {
        name: /Copy the patch for Dockerfile:4/,
      }),
    );
    expect(writeText).toHaveBeenLastCalledWith(
      [
        '--- a/Dockerfile',
        '+++ b/Dockerfile',
        '@@ -1,7 +1,6 @@',
        ' FROM ubuntu:22.04',
        ' RUN apt-get update',
        ' RUN apt-get install -y vim telnet curl',
        '-EXPOSE 22',
        ' EXPOSE 8080',
        ' COPY . /srv',
        ' CMD /srv/start.sh',
        '',
      ].join('\n'),
    );
    expect(await within(ssh).findByText('Patch copied')).toBeInTheDocument();
    await userEvent.click(
      within(ssh).getByRole('button', {
        name: /Copy the fixed lines for Dockerfile:4/,
      }),
    );
    expect(writeText).toHaveBeenLastCalledWith(
      [
        'FROM ubuntu:22.04',
        'RUN apt-get update',
        'RUN apt-get install -y vim telnet curl',
        'EXPOSE 8080',
        'COPY . /srv',
        'CMD /srv/start.sh',
      ].join('\n'),
    );

    // Insert: one added USER line before CMD.
    const user = occurrence(/sets no USER/);
    const userDiff = within(user).getByLabelText('Diff of the fix from line 4');
    expect(
      within(userDiff)
        .getAllByLabelText('added')
        .map(m => m.parentElement!.parentElement!.textContent),
    ).toEqual(['7+USER 10001']);
    expect(within(userDiff).queryAllByLabelText('removed')).toHaveLength(0);
  });

  it('says nothing was copied when the browser refuses', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: jest.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    await render();
    const ssh = await screen.findByRole('article', {
      name: /EXPOSE 22 advertises/,
    });
    await userEvent.click(
      within(ssh).getByRole('button', { name: /Copy the patch/ }),
    );
    expect(
      await within(ssh).findByText('Could not copy: denied'),
    ).toBeInTheDocument();
    expect(within(ssh).queryByText('Patch copied')).toBeNull();
  });

  it('groups findings by rule with the points they cost, open for the worst severity only', async () => {
    await render();
    const group = await screen.findByRole('group', {
      name: 'debug-tools-installed: 2 findings',
    });
    expect(group).not.toHaveAttribute('open');
    expect(within(group).getAllByRole('article')).toHaveLength(2);
    expect(group.querySelector('summary')!.textContent).toContain(
      '2 findings · −12 points · automatic fix',
    );
    const groups = screen.getAllByRole('group');
    const open = groups.filter(g => g.hasAttribute('open'));
    expect(open).toHaveLength(1);
    expect(open[0].querySelector('summary')!.textContent).toContain('Critical');
    expect(
      within(occurrence(/sets no USER/)).getByLabelText('Costs 40 points'),
    ).toHaveTextContent('−40 points');
  });

  it('explains the score: a summary line, why 36 is below every pillar, and the fewest fixes to the next grade', async () => {
    await render();
    expect(await screen.findByTestId('remediation-summary')).toHaveTextContent(
      '36/100 F · 7 open findings in 2 files (1 critical, 1 high, 4 medium, 1 low) · 5 with an automatic fix · fix 1 to reach D',
    );
    expect(
      screen.getByText(
        /50% the average of its 2 files \(55\) and 50% its worst file, Dockerfile \(17\)/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /83 points lost across the pillars of Dockerfile add up to a score of 17/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Here the findings cost 83 points\./),
    ).toBeInTheDocument();
    const plan = screen.getByRole('region', {
      name: 'Fastest way to the next grade',
    });
    expect(plan).toHaveTextContent('Fix this finding to reach');
    expect(plan).toHaveTextContent('(66/100)');
    expect(
      within(plan).getByRole('link', { name: 'Dockerfile:1' }),
    ).toHaveAttribute('href', '#finding-Dockerfile-no-user-in-final-stage-1-1');
    expect(
      screen.getAllByRole('link', { name: 'How scores are made' })[0],
    ).toHaveAttribute('href', '/container-scorecard/rules#how-scores-are-made');
  });

  it('filters by severity, pillar and file, from and into the URL', async () => {
    await render('/?severity=medium&file=Dockerfile');
    await screen.findByTestId('remediation-summary');
    expect(
      screen.queryByRole('region', { name: 'Findings in deploy/compose.yaml' }),
    ).toBeNull();
    expect(
      screen.getByRole('region', { name: 'Findings in Dockerfile' }),
    ).toBeInTheDocument();
    expect(listedFindings().map(a => a.getAttribute('aria-label'))).toEqual([
      'vim is a debugging tool in the final image. (Dockerfile:3)',
      'telnet is a debugging tool in the final image. (Dockerfile:3)',
      'CMD uses the shell form. (Dockerfile:7)',
    ]);
    // The most severe group shown is open.
    expect(
      screen.getAllByRole('group').every(g => g.hasAttribute('open')),
    ).toBe(true);
    expect(screen.getByLabelText('Severity')).toHaveValue('medium');

    await userEvent.selectOptions(screen.getByLabelText('Pillar'), 'lifecycle');
    expect(listedFindings()).toHaveLength(1);
    expect(
      screen.getByText('1 of 6 loaded findings match the filters.'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Clear filters' }),
    );
    await waitFor(() => expect(listedFindings()).toHaveLength(7));
  });
});
