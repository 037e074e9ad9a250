import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, hoversAt, hoverWith, nextEvent, workspaceUri } from '../helpers';

suite('Needs file changes', () => {
  // The file watcher reports a change after a few seconds (5-7 s seen), more under load.
  test('editing customer-needs.yaml on disk updates the hover', async function () {
    this.timeout(60_000);
    const api = await activeApi();
    await api.ready();
    hoverWith(
      (await hoversAt('src/checkout.ts', '@need fast-checkout', 8)).texts,
      'Checkout feels instant',
    );

    const uri = workspaceUri('customer-needs.yaml');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const edited = text.replace('Checkout feels instant', 'Checkout takes one tap');
    assert.notEqual(edited, text);
    const reloaded = nextEvent(api.onDidChangeNeeds, 45_000, 'the needs store to reload');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(edited));
    await reloaded;
    await api.ready();

    const { texts } = await hoversAt('src/checkout.ts', '@need fast-checkout', 8);
    hoverWith(texts, 'Checkout takes one tap');
    assert.ok(!texts.some((t) => t.includes('Checkout feels instant')));
  });

  test('the reload command reloads the needs files', async () => {
    const api = await activeApi();
    const reloaded = nextEvent(api.onDidChangeNeeds, 15_000, 'the reload command');
    await vscode.commands.executeCommand('outside-in.reloadNeeds');
    await reloaded;
  });
});
