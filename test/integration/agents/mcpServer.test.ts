import * as assert from 'node:assert/strict';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import * as vscode from 'vscode';
import { activeApi } from '../helpers';

// VS Code starts the servers the extension offers when chat needs them; here
// the test starts the offered definition itself, as VS Code would, and asks it.
suite('MCP server offered to VS Code', () => {
  test('one server for the folder, run with the editor’s Node and the bundled CLI, answering', async () => {
    const api = await activeApi();
    const servers = api.agents.mcpServers();
    assert.equal(servers.length, 1);
    const [server] = servers;
    assert.ok(server);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    assert.deepEqual(server.args.slice(1), ['mcp', '--root', folder]);
    assert.match(server.args[0] ?? '', /dist[\\/]cli\.js$/);

    const client = new Client({ name: 'integration-test', version: '0' });
    const transport = new StdioClientTransport({
      command: server.command,
      args: [...server.args],
      env: { ...(process.env as Record<string, string>), ...server.env },
      cwd: server.cwd.fsPath,
      stderr: 'pipe',
    });
    await client.connect(transport);
    try {
      const result = (await client.callTool({
        name: 'related_needs',
        arguments: { path: 'src/checkout.ts', line: 3 },
      })) as { content: { type: string; text: string }[] };
      const answer = JSON.parse(result.content[0]?.text ?? '{}') as { needs: { id: string }[] };
      assert.deepEqual(
        answer.needs.map((n) => n.id),
        ['fast-checkout'],
      );
    } finally {
      await client.close();
    }
  });

  test('registered where VS Code has the stable API (1.101 on); on VS Code 1.100 left out, activation unharmed', async () => {
    const api = await activeApi();
    const [major = 0, minor = 0] = vscode.version.split('.').map(Number);
    const stable = major > 1 || (major === 1 && minor >= 101);
    // VS Code 1.100 has a proposed function of that name that throws for our
    // manifest: the extension must not call it, and must still activate.
    assert.equal(api.agents.offered.mcpServerProvider, stable, `VS Code ${vscode.version}`);
    // The language-model tools are stable in both, so the chat still gets them.
    assert.equal(api.agents.offered.languageModelTools, true, `VS Code ${vscode.version}`);
  });

  test('the provider is declared in the manifest under the id the code registers', () => {
    const extension = vscode.extensions.all.find((e) => e.id === 'outside-in.outside-in');
    const declared = (
      extension?.packageJSON as {
        contributes?: { mcpServerDefinitionProviders?: { id: string }[] };
      }
    ).contributes?.mcpServerDefinitionProviders;
    assert.deepEqual(
      declared?.map((p) => p.id),
      ['outside-in.needs'],
    );
  });
});
