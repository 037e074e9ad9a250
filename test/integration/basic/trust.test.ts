import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../helpers';

// Restricted Mode has its own suite (test/integration/restricted), opened
// untrusted. This session runs trusted (code-server --disable-workspace-trust),
// as every other one: say so, so a change of the runner shows here.
suite('Workspace trust', () => {
  test('this session is trusted; the manifest declares limited support for untrusted ones', () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, EXTENSION_ID);
    const manifest = extension.packageJSON as {
      capabilities?: { untrustedWorkspaces?: { supported?: unknown } };
    };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
  });
});
