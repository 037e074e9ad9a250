import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeApi, workspaceUri } from '../helpers';
import { brief, diagnosticsWhen, editNeedsAndWait, open, ours } from './util';

suite('Diagnostics and quick fixes', () => {
  suiteSetup(async () => (await activeApi()).ready());

  test('a broken needs file: each problem at its exact range, with its rule', async () => {
    const uri = workspaceUri('packages', 'broken', 'customer-needs.yaml');
    // Counted by hand: `urgent` on line 5, `9lives` on line 8, the id of refunds-fast on line 3 (1-based).
    const expected = [
      '4:14-4:20 error invalid-enum',
      '7:8-7:14 error invalid-id',
      '2:8-2:20 warning no-evidence',
    ];
    const d = await diagnosticsWhen(uri, (d) => ours(d).length === 3, 'the broken file');
    assert.deepEqual(ours(d).map(brief).sort(), [...expected].sort());
    assert.ok(ours(d).every((x) => x.source === 'Outside-In'));
  });

  test('an unknown @need id in an open file is an error on the id', async () => {
    const document = await open('src/checkout/pay.ts');
    const d = await diagnosticsWhen(document.uri, (d) => ours(d).length === 1, 'pay.ts');
    const [only] = ours(d);
    assert.equal(brief(only as vscode.Diagnostic), '18:9-18:21 error unknown-need');
    assert.equal(only?.message, '@need names an unknown need "fast-chekout".');
  });

  test('quick fixes: the closest id, and adding the need as one edit that keeps comments', async () => {
    const document = await open('src/checkout/pay.ts');
    const [diagnostic] = ours(
      await diagnosticsWhen(document.uri, (d) => ours(d).length === 1, 'pay.ts'),
    );
    assert.ok(diagnostic);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      diagnostic.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const titles = actions.map((a) => a.title);
    assert.deepEqual(
      titles.filter((t) => t.includes('fast-ch')),
      ['Change to "fast-checkout"', 'Add need "fast-chekout" to customer-needs.yaml'],
    );

    const needsUri = workspaceUri('customer-needs.yaml');
    const before = (await vscode.workspace.openTextDocument(needsUri)).getText();
    const add = actions.find((a) => a.title.startsWith('Add need'));
    assert.ok(add?.edit);
    assert.equal(add.edit.entries().length, 1, 'one file edited');
    await editNeedsAndWait(add.edit);
    const after = (await vscode.workspace.openTextDocument(needsUri)).getText();
    const stub = [
      '  - id: fast-chekout',
      '    title: "Describe the need in the customer’s words"',
      '    status: assumed # no evidence yet: ask customers before building on it',
      '    review:',
      '      - "Which customer asked for this, and how do we know?"',
      '',
    ].join('\n');
    const anchor = '      keywords: ["giftWrap"]\n';
    assert.equal(after, before.replace(anchor, anchor + stub));
    assert.ok(after.endsWith('  # Trailing comment: the quick fix must keep it.\n'));
    // The id is known now: its error goes away without saving.
    await diagnosticsWhen(document.uri, (d) => ours(d).length === 0, 'the fixed annotation');

    // Undo puts the file back as it was, and the error returns.
    const needsDoc = await vscode.window.showTextDocument(needsUri);
    await vscode.commands.executeCommand('undo');
    assert.equal(needsDoc.document.getText(), before);
    await diagnosticsWhen(document.uri, (d) => ours(d).length === 1, 'the error after undo');
    await vscode.commands.executeCommand('workbench.action.files.save');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});

suite('Annotations of needs no customer holds any more', () => {
  const folder = workspaceUri('legacy');
  suiteSetup(async () => (await activeApi()).ready());
  suiteTeardown(() => fs.rmSync(folder.fsPath, { recursive: true, force: true }));

  test('an @need of a retired need is an error on the id, as `outside-in check` says', async () => {
    fs.mkdirSync(folder.fsPath);
    fs.writeFileSync(
      path.join(folder.fsPath, 'customer-needs.yaml'),
      [
        'version: 1',
        'needs:',
        '  - id: paper-receipts',
        '    title: Receipts on paper',
        '    status: retired',
        '    priority: low',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(folder.fsPath, 'print.ts'),
      [
        '// @need paper-receipts',
        'export function print(): void {}',
        '// @need paper-reciepts',
        '',
      ].join('\n'),
    );
    const document = await open('legacy/print.ts');
    // Until the new needs file loads, both ids are unknown.
    const d = await diagnosticsWhen(
      document.uri,
      (d) => ours(d).some((x) => brief(x).endsWith('retired-need-annotated')),
      'legacy/print.ts',
    );
    // Lines and columns counted by hand from the text above (0-based).
    assert.deepEqual(ours(d).map(brief), [
      '0:9-0:23 error retired-need-annotated',
      '2:9-2:23 error unknown-need',
    ]);
    assert.equal(
      ours(d)[0]?.message,
      '@need names the retired need "paper-receipts": no customer holds it any more; remove the annotation or name the need that replaces it.',
    );
  });
});
