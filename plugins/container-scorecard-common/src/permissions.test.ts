import {
  containerScorecardPermissions,
  containerScorecardRescanPermission,
} from './permissions';

describe('permissions', () => {
  it('defines the rescan permission as a basic update permission', () => {
    expect(containerScorecardRescanPermission).toEqual({
      type: 'basic',
      name: 'container-scorecard.entity.rescan',
      attributes: { action: 'update' },
    });
    expect(containerScorecardPermissions).toContain(
      containerScorecardRescanPermission,
    );
  });
});
