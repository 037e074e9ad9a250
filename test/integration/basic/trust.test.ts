import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoversAt, hoverWith } from '../helpers';

// Restricted Mode itself cannot be reached here: the test sessions run
// code-server with --disable-workspace-trust (a trust prompt would block the
// unattended workbench), so every workspace is trusted. What can be checked:
// the manifest keeps declaring full support, and nothing we do asks for trust.
suite('Untrusted workspaces', () => {
  test('the manifest declares untrustedWorkspaces supported; hovers work', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, EXTENSION_ID);
    const manifest = extension.packageJSON as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown } };
    };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
    assert.ok(extension.isActive);
    // Trust is off in these sessions: say so, so a change of the runner shows here.
    assert.equal(vscode.workspace.isTrusted, true);
    const { texts } = await hoversAt('src/checkout.ts', '@need fast-checkout', 8);
    assert.ok(hoverWith(texts, 'Checkout feels instant'));
  });
});
