/*
 * The demo portal's backend: the stock Backstage plugins a catalog needs, plus Container Scorecard.
 */
import { createBackend } from '@backstage/backend-defaults';
import { searchModuleContainerScorecardCollator } from '@container-scorecard/plugin-container-scorecard-backend';

const backend = createBackend();

backend.add(import('@backstage/plugin-app-backend'));

backend.add(import('@backstage/plugin-auth-backend'));
// Guest sign-in keeps the demo portal usable with no identity provider configured.
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));

backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

backend.add(import('@backstage/plugin-permission-backend'));
backend.add(
  import('@backstage/plugin-permission-backend-module-allow-all-policy'),
);

// AI assistants reach the scorecard's actions (backend.actions.pluginSources) over MCP at
// /api/mcp-actions/v1, as the signed-in user.
backend.add(import('@backstage/plugin-mcp-actions-backend'));

// Owners hear about their services' regressions; signals push them to an open browser.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));

// SCM webhooks in: the GitHub module checks each delivery's signature
// (events.modules.github.webhookSecret) at /api/events/http/github and publishes pushes on
// github.push, which the scorecard follows to rescan what a push changed.
backend.add(import('@backstage/plugin-events-backend'));
backend.add(import('@backstage/plugin-events-backend-module-github'));

backend.add(import('@container-scorecard/plugin-container-scorecard-backend'));

// Search with its default engine (Lunr, in memory: the index is rebuilt by each collator run).
// The catalog's collator indexes the entities; the scorecard's indexes each scanned entity's
// grade and findings, so searching "docker.sock" finds the services that mount it.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(searchModuleContainerScorecardCollator);

backend.start();
