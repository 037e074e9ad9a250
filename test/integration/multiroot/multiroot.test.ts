import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { findNeedsFiles } from '../../../src/node/needsFiles';
import { activeApi, positionOf } from '../helpers';
import { diagnosticsWhen, ours } from '../editor/util';

// Fixture test/fixtures/workspaces/multiroot: three folders in one workspace.
// shop/ and admin/ each have their own needs file (and shop/packages/gifts/ a
// nested one); plain/ has none. Ids never cross workspace folders. admin/ also
// has a .customer-needs.yaml, which customer-needs.yaml shadows.

function uri(folder: string, ...rest: string[]): vscode.Uri {
  const f = vscode.workspace.workspaceFolders?.find((w) => w.name === folder);
  if (!f) throw new Error(`no workspace folder ${folder}`);
  return vscode.Uri.joinPath(f.uri, ...rest);
}

async function hoverTitles(target: vscode.Uri, needle: string): Promise<string[]> {
  const document = await vscode.workspace.openTextDocument(target);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
    'vscode.executeHoverProvider',
    document.uri,
    positionOf(document, needle, 1),
  );
  return hovers
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .flatMap((t) => /\*\*(.+?)\*\*/.exec(t)?.[1] ?? []);
}

suite('Multi-root workspace', () => {
  suiteSetup(async () => (await activeApi()).ready());

  test('the session has the three folders', () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['shop', 'admin', 'plain'],
    );
  });

  test('each folder hovers the needs of its own needs file', async () => {
    assert.deepEqual(await hoverTitles(uri('shop', 'src', 'pay.ts'), 'fast-checkout'), [
      'Checkout feels instant',
    ]);
    assert.deepEqual(await hoverTitles(uri('admin', 'src', 'refund.ts'), 'audit-log'), [
      'Every refund leaves a trace',
    ]);
  });

  test("an id of another folder's needs file is unknown here", async () => {
    const refund = uri('admin', 'src', 'refund.ts');
    await vscode.workspace.openTextDocument(refund);
    const diagnostics = await diagnosticsWhen(
      refund,
      (d) => ours(d).length > 0,
      'the unknown id in admin/src/refund.ts',
    );
    assert.deepEqual(
      ours(diagnostics).map((d) => [
        d.range.start.line,
        d.range.start.character,
        d.range.end.character,
        d.code,
      ]),
      // line 2 "// @need fast-checkout": the id spans characters 9..22.
      [[1, 9, 22, 'unknown-need']],
    );
  });

  test('a nested needs file adds its needs below its folder, and the root file still applies', async () => {
    const note = uri('shop', 'packages', 'gifts', 'src', 'note.ts');
    assert.deepEqual(await hoverTitles(note, 'gift-note'), ['A note travels with the gift']);
    assert.deepEqual(await hoverTitles(note, 'fast-checkout'), ['Checkout feels instant']);
    // Outside packages/gifts the nested needs file does not apply.
    const gift = uri('shop', 'src', 'gift.ts');
    await vscode.workspace.openTextDocument(gift);
    const diagnostics = await diagnosticsWhen(
      gift,
      (d) => ours(d).length > 0,
      'the unknown id in shop/src/gift.ts',
    );
    assert.deepEqual(
      ours(diagnostics).map((d) => [d.range.start.line, d.range.start.character, d.code]),
      [[0, 9, 'unknown-need']],
    );
  });

  test('go to definition lands in the needs file of the folder', async () => {
    const refund = await vscode.workspace.openTextDocument(uri('admin', 'src', 'refund.ts'));
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      refund.uri,
      positionOf(refund, 'audit-log', 1),
    );
    const targets = found.map((l) => ('targetUri' in l ? l.targetUri : l.uri).toString());
    assert.deepEqual(targets, [uri('admin', 'customer-needs.yaml').toString()]);
  });

  test('a folder without a needs file gets no hover', async () => {
    assert.deepEqual(await hoverTitles(uri('plain', 'readme.txt'), 'audit-log'), []);
  });

  test('of two needs files in one folder the editor reads the one the CLI reads, and warns about the other', async () => {
    // The CLI's answer for the admin folder, by the function every command uses.
    const cli = await findNeedsFiles(uri('admin').fsPath);
    assert.deepEqual(cli, {
      counted: ['customer-needs.yaml'],
      shadowed: [{ path: '.customer-needs.yaml', by: 'customer-needs.yaml' }],
    });
    // The editor: the shadowed file gets one warning at line 1, column 1...
    const shadowed = uri('admin', '.customer-needs.yaml');
    const warnings = await diagnosticsWhen(
      shadowed,
      (d) => ours(d).length > 0,
      'the shadowed-needs-file warning on admin/.customer-needs.yaml',
    );
    assert.deepEqual(
      ours(warnings).map((d) => [
        d.range.start.line,
        d.range.start.character,
        d.severity,
        d.code,
        d.message,
      ]),
      [
        [
          0,
          0,
          vscode.DiagnosticSeverity.Warning,
          'shadowed-needs-file',
          'This needs file is not read: customer-needs.yaml speaks for the same folder and comes first. Keep one needs file per folder: move these needs into it and delete this file.',
        ],
      ],
    );
    // ...and its need is unknown, while the need of customer-needs.yaml answers.
    const exporter = uri('admin', 'src', 'export.ts');
    await vscode.workspace.openTextDocument(exporter);
    const diagnostics = await diagnosticsWhen(
      exporter,
      (d) => ours(d).length > 0,
      'the unknown id in admin/src/export.ts',
    );
    assert.deepEqual(
      ours(diagnostics).map((d) => [
        d.range.start.line,
        d.range.start.character,
        d.range.end.character,
        d.code,
      ]),
      // line 2 "// @need refund-export": the id spans characters 9..22.
      [[1, 9, 22, 'unknown-need']],
    );
    assert.deepEqual(await hoverTitles(exporter, 'audit-log'), ['Every refund leaves a trace']);
  });
  test('an edit reaches every folder that holds the file: a nested folder opened beside its parent', async function () {
    this.timeout(60_000);
    const gifts = uri('shop', 'packages', 'gifts');
    const note = uri('shop', 'packages', 'gifts', 'src', 'note.ts');
    const original = new TextDecoder().decode(await vscode.workspace.fs.readFile(note));
    const needsFile = await vscode.workspace.openTextDocument(uri('shop', 'customer-needs.yaml'));
    // Who refers to shop's fast-checkout (paths: the nested folder is now the nearest for note.ts).
    const referrers = async (): Promise<string[]> => {
      const found = await vscode.commands.executeCommand<vscode.Location[]>(
        'vscode.executeReferenceProvider',
        needsFile.uri,
        positionOf(needsFile, 'id: fast-checkout', 4),
      );
      return found.map((l) => l.uri.path).sort();
    };
    const count = vscode.workspace.workspaceFolders?.length ?? 0;
    assert.ok(vscode.workspace.updateWorkspaceFolders(count, 0, { uri: gifts, name: 'gifts' }));
    try {
      // The nested folder is the nearest for note.ts once VS Code has it; then the store reloads.
      const deadline = Date.now() + 20_000;
      while (vscode.workspace.getWorkspaceFolder(note)?.name !== 'gifts') {
        if (Date.now() > deadline) throw new Error('the nested folder never opened');
        await new Promise((r) => setTimeout(r, 100));
      }
      await new Promise((r) => setTimeout(r, 2000));
      await (await activeApi()).ready();
      // The shop folder's scan walks the nested folder's file too.
      while (!(await referrers()).includes(note.path)) {
        if (Date.now() > deadline) throw new Error('note.ts never referred to fast-checkout');
        await new Promise((r) => setTimeout(r, 200));
      }
      await vscode.workspace.fs.writeFile(
        note,
        new TextEncoder().encode(original.replace('// @need fast-checkout\n', '')),
      );
      while ((await referrers()).includes(note.path)) {
        if (Date.now() > deadline + 10_000)
          throw new Error('the edit never reached the shop folder: note.ts still refers to it');
        await new Promise((r) => setTimeout(r, 200));
      }
    } finally {
      await vscode.workspace.fs.writeFile(note, new TextEncoder().encode(original));
      vscode.workspace.updateWorkspaceFolders(count, 1);
    }
  });
});
