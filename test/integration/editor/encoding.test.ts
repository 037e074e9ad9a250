import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { OutsideInApi } from '../../../src/vscode/extension';
import { activeApi, workspaceUri } from '../helpers';
import { brief, diagnosticsWhen, hoverTexts, ours } from './util';

/** A needs file with one quote saved as Latin-1: "é" in "café" is the single byte E9. */
function latin1Needs(): Uint8Array {
  const utf8 = (text: string): number[] => [...new TextEncoder().encode(text)];
  return new Uint8Array([
    ...utf8(
      [
        'version: 1', // line 0
        'needs:', // 1
        '  - id: cafe-menu', // 2
        '    title: Menu shows prices', // 3
        // 4: 4 + 7 + 1 + 5 + 1 + 6 + 1 + 3 = 28 characters (33 bytes), then E9.
        '    quote: "Crème brûlée caf',
      ].join('\n'),
    ),
    0xe9,
    ...utf8(
      [
        's are too dear"',
        '    priority: high',
        '    evidence:',
        '      - source: Café interviews',
        '    match:',
        '      keywords: ["menu price"]',
        '',
      ].join('\n'),
    ),
  ]);
}

// The file is written to disk by the test and never opened: an open file is
// read from the editor's decoded text, which has no bytes left to check.
suite('A needs file on disk that is not UTF-8', () => {
  const folder = workspaceUri('packages', 'latin1');
  const needsUri = workspaceUri('packages', 'latin1', 'customer-needs.yaml');
  let api: OutsideInApi;

  suiteSetup(async () => {
    api = await activeApi();
    await api.ready();
  });

  // Other tests of the suite share the workspace: take the folder away again
  // and wait until the store has let go of it.
  suiteTeardown(async function () {
    this.timeout(60_000);
    try {
      await vscode.workspace.fs.stat(folder);
    } catch {
      return;
    }
    // The needs file first: the watcher reports a deleted folder as the folder
    // only, which the needs-file pattern does not match.
    await vscode.workspace.fs.delete(needsUri, { useTrash: false });
    // The file watcher reports it after a few seconds, more under load.
    await diagnosticsWhen(needsUri, (d) => ours(d).length === 0, 'the needs file to go', 45_000);
    await api.ready();
    await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
  });

  test('its first bad byte is an error at its line and column, and its needs still load', async function () {
    this.timeout(60_000);
    await vscode.workspace.fs.createDirectory(workspaceUri('packages', 'latin1', 'src'));
    await vscode.workspace.fs.writeFile(
      workspaceUri('packages', 'latin1', 'src', 'menu.ts'),
      new TextEncoder().encode('export function menuPrice(): number {\n  return 5;\n}\n'),
    );
    await vscode.workspace.fs.writeFile(needsUri, latin1Needs());

    // The file watcher reports the new file after a few seconds, more under load.
    const d = await diagnosticsWhen(
      needsUri,
      (d) => ours(d).some((x) => x.code === 'invalid-utf8'),
      'the invalid-utf8 error',
      45_000,
    );
    assert.deepEqual(ours(d).map(brief), ['4:28-4:29 error invalid-utf8']);
    assert.equal(
      ours(d)[0]?.message,
      'Byte 0xE9 is not valid UTF-8 (the first such byte in the file) and is shown as \uFFFD: save the file as UTF-8.',
    );

    // The need loaded all the same: its keyword links menuPrice, its quote shows the U+FFFD.
    const { texts } = await hoverTexts('packages/latin1/src/menu.ts', 'menuPrice', 1);
    assert.equal(texts.length, 1, JSON.stringify(texts));
    assert.ok(texts[0]?.includes('**Menu shows prices** — high'), texts[0]);
    assert.ok(texts[0]?.includes('Crème brûlée caf\uFFFDs are too dear'), texts[0]);
  });
});
