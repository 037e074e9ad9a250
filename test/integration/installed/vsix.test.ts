import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
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
});
