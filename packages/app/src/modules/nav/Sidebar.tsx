import {
  Sidebar,
  SidebarDivider,
  SidebarGroup,
  SidebarScrollWrapper,
  SidebarItem,
  SidebarSpace,
} from '@backstage/core-components';
import { NavContentBlueprint } from '@backstage/plugin-app-react';
import { UserSettingsSignInAvatar } from '@backstage/plugin-user-settings';
import MenuIcon from '@material-ui/icons/Menu';
import SearchIcon from '@material-ui/icons/Search';
import { SidebarLogo } from './SidebarLogo';
import { SkipLink } from './SkipLink';

export const SidebarContent = NavContentBlueprint.make({
  params: {
    component: ({ navItems }) => {
      // A page whose path is the prefix of another page's (/container-scorecard and
      // /container-scorecard/rules) should only light up on its own path.
      const hrefs = navItems
        .clone()
        .rest()
        .map(item => item.href);
      const nav = navItems.withComponent(item => (
        <SidebarItem
          icon={() => item.icon}
          to={item.href}
          text={item.title}
          end={hrefs.some(other => other.startsWith(`${item.href}/`))}
        />
      ));

      return (
        <Sidebar>
          <SkipLink />
          <SidebarLogo />
          {/* Search first, as in Backstage's own app: findings are searchable ("docker.sock"). */}
          <SidebarGroup label="Search" icon={<SearchIcon />} to="/search">
            {nav.take('page:search')}
          </SidebarGroup>
          <SidebarDivider />
          <SidebarGroup label="Menu" icon={<MenuIcon />}>
            {nav.take('page:catalog')}
            <SidebarDivider />
            <SidebarScrollWrapper>
              {nav.rest({ sortBy: 'title' })}
            </SidebarScrollWrapper>
          </SidebarGroup>
          <SidebarSpace />
          <SidebarDivider />
          <SidebarGroup
            label="Settings"
            icon={<UserSettingsSignInAvatar />}
            to="/settings"
          >
            {nav.take('page:user-settings')}
          </SidebarGroup>
        </Sidebar>
      );
    },
  },
});
