/**
 * Restricted Mode: this session opens its folder untrusted (`restricted` in
 * test/integration/suites.ts, see scripts/lib/codeServer.mjs). Reading needs works as
 * anywhere; git never runs, because a repository's own config can make it run
 * programs; workspace settings declared restricted are not applied.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activeApi, EXTENSION_ID, hoversAt, hoverWith, until, workspaceUri } from '../helpers';
import { folderPath, git } from '../checklist/repo';
import { diagnosticsWhen, lensesOf, ours } from '../editor/util';

suite('Restricted Mode', () => {
  test('the workspace is untrusted, and the manifest declares limited support', () => {
    assert.equal(vscode.workspace.isTrusted, false, 'the session should be in Restricted Mode');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension?.isActive, 'Outside-In activates in Restricted Mode');
    const manifest = extension.packageJSON as {
      capabilities?: {
        untrustedWorkspaces?: { supported?: unknown; restrictedConfigurations?: unknown };
      };
    };
    assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
    assert.deepEqual(manifest.capabilities?.untrustedWorkspaces?.restrictedConfigurations, [
      'outsideIn.needsFiles',
    ]);
  });

  test('hovers, CodeLens and diagnostics work as in a trusted workspace', async () => {
    await (await activeApi()).ready();
    const { texts } = await hoversAt('src/checkout.ts', '@need fast-checkout', 8);
    assert.ok(hoverWith(texts, 'Checkout feels instant').includes('I just want to pay and go.'));

    const document = await vscode.workspace.openTextDocument(workspaceUri('src', 'checkout.ts'));
    await vscode.window.showTextDocument(document);
    // The file's own lens (it is named by a path of the need), once the needs are in.
    const lenses = await until(
      () => lensesOf('src/checkout.ts'),
      (l) => l.length > 0,
      'the CodeLens of checkout.ts',
      30_000,
    );
    assert.equal(lenses[0], '0: Customer needs: Checkout feels instant (high)');
    const diagnostics = await diagnosticsWhen(
      document.uri,
      (d) => ours(d).some((x) => x.message.includes('fast-chekout')),
      'the misspelt annotation flagged',
    );
    const misspelt = ours(diagnostics).find((x) => x.message.includes('fast-chekout'));
    assert.equal(misspelt?.range.start.line, 7);
  });

  test('the sidebar lists the needs', async () => {
    const api = await activeApi();
    await api.ready();
    const tree = api.views.needsTree;
    const titles: string[] = [];
    for (const group of (await tree.getChildren()) ?? []) {
      for (const need of (await tree.getChildren(group)) ?? []) {
        const l = tree.getTreeItem(need).label;
        titles.push(typeof l === 'string' ? l : (l?.label ?? ''));
      }
    }
    assert.deepEqual(titles, ['Checkout feels instant']);
  });

  test('a workspace setting naming an extra needs file is not applied', async () => {
    // The folder's settings.json does name it; VS Code withholds it while untrusted.
    const settings = fs.readFileSync(path.join(folderPath(), '.vscode', 'settings.json'), 'utf8');
    assert.ok(settings.includes('"product/needs.yaml"'), settings);
    assert.deepEqual(vscode.workspace.getConfiguration('outsideIn').get('needsFiles'), []);
    await (await activeApi()).ready();
    const { texts } = await hoversAt('src/checkout.ts', '@need gift-wrap', 8);
    assert.ok(
      !texts.some((t) => t.includes('Gifts arrive wrapped')),
      `product/needs.yaml was read: ${JSON.stringify(texts)}`,
    );
  });

  suite('the Review Checklist runs no git', () => {
    const marker = path.join(os.tmpdir(), `outside-in-filter-ran-${process.pid}-${Date.now()}`);

    suiteSetup(() => {
      // A repository whose own config runs a program on `git diff`: a clean
      // filter that .gitattributes applies to every file.
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-q', '-m', 'The shop');
      fs.writeFileSync(path.join(folderPath(), '.gitattributes'), '* filter=planted\n');
      git('config', 'filter.planted.clean', `sh -c 'echo ran >> "${marker}"; cat'`);
      fs.appendFileSync(path.join(folderPath(), 'src', 'checkout.ts'), '// checkout, changed\n');
    });

    suiteTeardown(() => fs.rmSync(marker, { force: true }));

    test('the review command shows why, builds nothing and starts no git', async () => {
      const api = await activeApi();
      const result = await vscode.commands.executeCommand<unknown>('outside-in.reviewChecklist', {
        mode: 'uncommitted',
      });
      assert.equal(result, undefined);
      await vscode.commands.executeCommand('outside-in.checklist.refresh');
      const state = api.checklist.current();
      assert.equal(state.checklist, undefined);
      assert.equal(state.loading, false);
      assert.equal(fs.existsSync(marker), false, 'git ran the repository’s filter');
    });

    test('control: the same change read by git does run the planted program', () => {
      // Proves the repository above is a real threat, so the test before it can fail.
      git('diff', 'HEAD', '--stat');
      assert.equal(fs.existsSync(marker), true, 'the planted filter did not run');
    });
  });
});
