import { screen } from '@testing-library/react';
import { analysedScorecard } from '../../__testUtils__/fixtures';
import { fakeApi, renderWithApi } from '../../__testUtils__/renderWithApi';
import { RescanButton } from './RescanButton';

// usePermission caches answers per permission for the whole test file, so the "allowed" case
// lives in EntityContainerScorecardContent.test.tsx and this file only denies.
describe('RescanButton', () => {
  it('is not offered to those the policy does not allow', async () => {
    const rescanEntity = jest.fn(async () => analysedScorecard);
    await renderWithApi(
      <div>
        <span>before</span>
        <RescanButton
          entityRef={{ kind: 'Component', namespace: 'default', name: 'x' }}
          onRescanned={() => {}}
        />
      </div>,
      { api: fakeApi({ rescanEntity }), allowed: false },
    );
    expect(await screen.findByText('before')).toBeInTheDocument();
    // Give the permission check time to answer before asserting the absence.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /Rescan now/ })).toBeNull();
    expect(rescanEntity).not.toHaveBeenCalled();
  });
});
