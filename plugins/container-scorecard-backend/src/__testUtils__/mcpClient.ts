import { mockCredentials } from '@backstage/backend-test-utils';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const TOOL = 'container-scorecard.';

/** An MCP client as an assistant would run it against `baseUrl`, signed in as `user`. */
export async function connectMcpAs(baseUrl: string, user: string) {
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

/** Calls one of the plugin's actions: its text, and its structured answer unless it failed. */
export async function callAction(
  client: Client,
  name: string,
  args: Record<string, any>,
) {
  const result = await client.callTool({ name: TOOL + name, arguments: args });
  const [content] = result.content as Array<{ type: string; text: string }>;
  return {
    isError: Boolean(result.isError),
    text: content.text,
    output: result.isError ? undefined : (result.structuredContent as any),
  };
}
