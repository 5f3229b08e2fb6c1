import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { AddressInfo } from 'node:net';
import { containerScorecardPlugin } from '../../plugin';
import {
  catalogWithVisibility,
  EXAMPLES_DIR,
  loadDemoCatalog,
} from '../../__testUtils__/demoCatalog';

jest.setTimeout(120_000);

const MEMBER = 'user:default/payments-dev';
const OUTSIDER = 'user:default/outsider';
const TOOL = 'container-scorecard.';

/**
 * The demo backend with the MCP actions backend in front of the plugin's actions, scanned at
 * start-up; the outsider cannot see the payments team or its services, as a catalog permission
 * policy would hide them.
 */
async function startBackend() {
  const catalog = catalogWithVisibility(
    loadDemoCatalog(),
    (user, entity) =>
      user === OUTSIDER &&
      (entity.spec?.owner === 'payments' ||
        entity.metadata.name === 'payments'),
  );
  const { server } = await startTestBackend({
    features: [
      containerScorecardPlugin,
      mcpActionsPlugin,
      catalog.factory,
      mockServices.rootConfig.factory({
        data: {
          backend: { actions: { pluginSources: ['container-scorecard'] } },
          containerScorecard: {
            localRoots: [EXAMPLES_DIR],
            notifications: { mode: 'off' },
          },
        },
      }),
      mockServices.scheduler.factory({
        includeInitialDelayedTasksOnStartup: true,
      }),
    ],
  });
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

/** An MCP client as an assistant would run it, signed in as `user`. */
async function connectAs(baseUrl: string, user: string) {
  const client = new Client({ name: 'scorecard-test', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(
      new URL(`${baseUrl}/api/mcp-actions/v1`),
      {
        requestInit: {
          headers: { Authorization: mockCredentials.user.header(user) },
        },
      },
    ),
  );
  return client;
}

async function call(client: Client, name: string, args: Record<string, any>) {
  const result = await client.callTool({ name: TOOL + name, arguments: args });
  const [content] = result.content as Array<{ type: string; text: string }>;
  return {
    isError: Boolean(result.isError),
    text: content.text,
    output: result.isError ? undefined : (result.structuredContent as any),
  };
}

describe('container scorecard actions through the MCP endpoint', () => {
  let baseUrl: string;
  let member: Client;
  let outsider: Client;
  beforeAll(async () => {
    baseUrl = await startBackend();
    member = await connectAs(baseUrl, MEMBER);
    outsider = await connectAs(baseUrl, OUTSIDER);
  });
  afterAll(async () => {
    await Promise.all([member?.close(), outsider?.close()]);
  });

  it('lists the six read-only actions as tools', async () => {
    const { tools } = await member.listTools();
    const ours = tools.filter(tool => tool.name.startsWith(TOOL));
    expect(ours.map(tool => tool.name.slice(TOOL.length)).sort()).toEqual([
      'explain-rule',
      'get-entity-scorecard',
      'get-team-scorecard',
      'list-services-failing-rule',
      'list-worst-services',
      'what-to-fix-first',
    ]);
    for (const tool of ours) {
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
      });
    }
  });

  it("answers an entity's scorecard to a caller who can see it, and 'not found' to one who cannot", async () => {
    const seen = await call(member, 'get-entity-scorecard', {
      entityRef: 'component:default/legacy-billing-portal',
    });
    expect(seen.isError).toBe(false);
    expect(seen.output).toMatchObject({
      entityRef: 'component:default/legacy-billing-portal',
      status: 'analysed',
      grade: expect.stringMatching(/^[A-F]$/),
      link: '/catalog/default/component/legacy-billing-portal/container-scorecard',
    });
    expect(seen.output.worstFindings.length).toBeGreaterThan(0);

    const hidden = await call(outsider, 'get-entity-scorecard', {
      entityRef: 'component:default/legacy-billing-portal',
    });
    const missing = await call(outsider, 'get-entity-scorecard', {
      entityRef: 'component:default/no-such-service',
    });
    // Exactly what an entity that does not exist answers: nothing tells the two apart.
    expect(hidden).toEqual({
      isError: true,
      text: 'NotFoundError: No entity component:default/legacy-billing-portal',
      output: undefined,
    });
    expect(missing.text).toBe(
      'NotFoundError: No entity component:default/no-such-service',
    );
  });

  it('plans what to fix first with the next-grade plan and each rule explained', async () => {
    const plan = await call(member, 'what-to-fix-first', {
      entityRef: 'legacy-billing-portal',
    });
    expect(plan.isError).toBe(false);
    const { output } = plan;
    expect(output.target.grade < output.grade).toBe(true); // 'B' < 'D': a better grade
    expect(output.fixes.length).toBeGreaterThan(0);
    expect(output.summary).toContain(`(${output.target.score}).`);
    // Every rule the plan names is explained, with its fix.
    expect(output.rules.map((r: any) => r.ruleId).sort()).toEqual(
      [...new Set(output.fixes.map((f: any) => f.ruleId))].sort(),
    );
    expect(output.rules[0]).toMatchObject({
      rationale: expect.any(String),
      example: { before: expect.any(String), after: expect.any(String) },
    });

    const scorecard = await call(member, 'get-entity-scorecard', {
      entityRef: 'legacy-billing-portal',
    });
    expect(scorecard.output.nextGrade).toEqual({
      grade: output.target.grade,
      score: output.target.score,
      fixes: output.fixes.length,
    });

    expect(
      (
        await call(outsider, 'what-to-fix-first', {
          entityRef: 'legacy-billing-portal',
        })
      ).text,
    ).toBe('NotFoundError: No entity component:default/legacy-billing-portal');
  });

  it("answers a team's scorecard only to callers who can see the team", async () => {
    const team = await call(member, 'get-team-scorecard', {
      groupRef: 'payments',
    });
    expect(team.output).toMatchObject({
      teamRef: 'group:default/payments',
      serviceCount: 2,
    });
    expect(team.output.services.map((s: any) => s.entityRef).sort()).toEqual([
      'component:default/legacy-billing-portal',
      'component:default/nightly-ledger-export',
    ]);

    const hidden = await call(outsider, 'get-team-scorecard', {
      groupRef: 'payments',
    });
    expect(hidden.text).toBe('NotFoundError: No group payments');
  });

  it('lists the worst services and the services failing a rule without what the caller cannot see', async () => {
    const worst = await call(member, 'list-worst-services', { limit: 100 });
    const scores = worst.output.services.map((s: any) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(worst.output.services.map((s: any) => s.entityRef)).toContain(
      'component:default/legacy-billing-portal',
    );
    const outsiderWorst = await call(outsider, 'list-worst-services', {
      limit: 100,
    });
    expect(outsiderWorst.output.analysedCount).toBeLessThan(
      worst.output.analysedCount,
    );
    expect(
      outsiderWorst.output.services.map((s: any) => s.owner),
    ).not.toContain('group:default/payments');

    // A rule the payments services fail: the member sees them among those failing it.
    const ruleId = worst.output.services.find(
      (s: any) => s.entityRef === 'component:default/legacy-billing-portal',
    ).worstRule.ruleId;
    const failing = await call(member, 'list-services-failing-rule', {
      ruleId,
      limit: 100,
    });
    expect(failing.output.services.map((s: any) => s.entityRef)).toContain(
      'component:default/legacy-billing-portal',
    );
    const outsiderFailing = await call(outsider, 'list-services-failing-rule', {
      ruleId,
      limit: 100,
    });
    expect(
      outsiderFailing.output.services.map((s: any) => s.entityRef),
    ).not.toContain('component:default/legacy-billing-portal');
    expect(outsiderFailing.output.servicesInScope).toBeLessThan(
      failing.output.servicesInScope,
    );
  });

  it('explains a rule and its fix', async () => {
    const rule = await call(outsider, 'explain-rule', {
      ruleId: 'last-user-root',
    });
    expect(rule.output).toMatchObject({
      ruleId: 'last-user-root',
      severity: expect.any(String),
      rationale: expect.any(String),
      example: {
        before: expect.stringMatching(/USER/),
        after: expect.any(String),
      },
    });
    expect((await call(member, 'explain-rule', { ruleId: 'nope' })).text).toBe(
      'NotFoundError: No rule nope',
    );
  });
});
