import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, workspaceUri } from '../helpers';
import { brief, diagnosticsWhen, editNeedsAndWait, hoverTexts, ours } from './util';

// The store reads an open needs file's unsaved text as the user types, and
// keeps serving the last good version while that text is broken.
suite('Unsaved edits in the needs file', () => {
  const uri = workspaceUri('customer-needs.yaml');
  let original = '';

  suiteSetup(async () => {
    await (await activeApi()).ready();
    original = (await vscode.workspace.openTextDocument(uri)).getText();
  });

  suiteTeardown(async () => {
    const document = await vscode.workspace.openTextDocument(uri);
    if (document.getText() === original) return;
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, document.validateRange(new vscode.Range(0, 0, 1e6, 0)), original);
    await editNeedsAndWait(edit);
  });

  async function replaceText(from: string, to: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const offset = document.getText().indexOf(from);
    assert.ok(offset >= 0, `"${from}" is in the needs file`);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(
      uri,
      new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)),
      to,
    );
    await editNeedsAndWait(edit);
  }

  test('an unsaved title change shows in the hover', async () => {
    await replaceText('title: Checkout feels instant', 'title: Checkout takes one tap');
    const { texts } = await hoverTexts('src/checkout/pay.ts', 'const savedCard', 8);
    assert.equal(texts.length, 1);
    assert.ok(texts[0]?.includes('**Checkout takes one tap** — high'), texts[0]);
    assert.ok((await vscode.workspace.openTextDocument(uri)).isDirty);
  });

  test('while the text is broken: its problem at the exact place, the last good needs still serve', async () => {
    // Line 12 (1-based) `    evidence:` becomes a flow list that never closes.
    await replaceText('    evidence:\n', '    evidence: [\n');
    const d = await diagnosticsWhen(
      uri,
      (d) => ours(d).some((x) => x.code === 'yaml-syntax'),
      'a YAML syntax error',
    );
    assert.ok(
      ours(d).some((x) => brief(x).endsWith('error yaml-syntax')),
      ours(d).map(brief).join(),
    );
    const { texts } = await hoverTexts('src/checkout/pay.ts', 'const savedCard', 8);
    assert.equal(texts.length, 1);
    assert.ok(texts[0]?.includes('**Checkout takes one tap** — high'), texts[0]);

    await replaceText('    evidence: [\n', '    evidence:\n');
    await diagnosticsWhen(
      uri,
      (d) => !ours(d).some((x) => x.severity === vscode.DiagnosticSeverity.Error),
      'the fixed file',
    );
  });
});
