import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { OutsideInApi } from '../../../src/vscode/extension';
import { EXTENSION_ID, hoversAt, hoverWith } from '../helpers';

// This session has no extensionDevelopmentPath: the extension comes from the
// .vsix that `npm run package` built, installed into the session's extensions
// folder, which the runner puts beside the workspace copy.
suite('Installed from the .vsix', () => {
  test('the extension is active and runs from the extensions folder', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    assert.ok(extension.isActive, 'it is active');
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const extensionsDir = path.join(path.dirname(folder.uri.fsPath), 'extensions');
    assert.ok(
      extension.extensionPath.startsWith(extensionsDir + path.sep),
      `${extension.extensionPath} is inside ${extensionsDir}`,
    );
  });

  test('its hover works', async () => {
    const { texts } = await hoversAt('src/checkout.ts', '@need fast-checkout', 8);
    hoverWith(texts, 'Checkout feels instant');
  });

  test('the MCP server it offers runs a CLI the package holds', () => {
    const api = vscode.extensions.getExtension<OutsideInApi>(EXTENSION_ID)?.exports;
    const [server] = api?.agents.mcpServers() ?? [];
    assert.ok(server, 'one server for the folder');
    const cli = server.args[0] ?? '';
    assert.ok(existsSync(cli), `${cli} is in the installed extension`);
  });
});
