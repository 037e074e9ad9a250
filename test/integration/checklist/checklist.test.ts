import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Because, Checklist } from '../../../src/core/checklist';
import { questionKey } from '../../../src/core/checklist';
import { loadNeedsText } from '../../../src/core/load';
import { needFingerprint } from '../../../src/core/needChanges';
import type { OutsideInApi } from '../../../src/vscode/extension';
import { EXTENSION_ID, activeApi } from '../helpers';
import { folderPath, git, makeRepository, write } from './repo';

// Expected needs and reasons are worked out by hand from customer-needs.yaml
// of the fixture, the changes makeRepository() makes, and docs/checklist-json.md: needs
// sorted by priority then id; a path rule names the file, a keyword on a
// removed line gives its line in BASE and `removed: true`.
const BRANCH_NEEDS = ['fast-checkout', 'saved-cards'];
const BRANCH_BECAUSE: Record<string, Because[]> = {
  'fast-checkout': [{ file: 'src/checkout/pay.ts', rule: 'path', match: 'src/checkout/**' }],
  'saved-cards': [
    { file: 'src/cart/summary.ts', line: 2, rule: 'keyword', match: 'saved card', removed: true },
  ],
};
const UNCOMMITTED_NEEDS = ['search-finds', 'gift-wrap'];
const UNCOMMITTED_BECAUSE: Record<string, Because[]> = {
  'search-finds': [{ file: 'src/search/query.ts', rule: 'path', match: 'src/search/**' }],
  'gift-wrap': [{ file: 'src/wrap.ts', line: 1, rule: 'keyword', match: 'gift wrap' }],
};
const PAY_QUESTION = 'Is the pay button still one tap away?';

async function review(args: object): Promise<Checklist | undefined> {
  return vscode.commands.executeCommand<Checklist | undefined>('outside-in.reviewChecklist', args);
}

function reasons(checklist: Checklist): Record<string, Because[]> {
  return Object.fromEntries(checklist.needs.map((n) => [n.id, [...n.because]]));
}

/** Polls `check` until it holds; for git and file events VS Code gives no event to await. */
async function eventually(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

suite('Review Checklist on a git repository', () => {
  let api: OutsideInApi;

  suiteSetup(async () => {
    api = await activeApi();
    await api.ready();
    makeRepository();
  });

  test('a branch lists exactly the needs its commits touch, and why', async () => {
    const checklist = await review({ mode: 'branch' });
    assert.ok(checklist, api.checklist.current().error);
    assert.deepEqual(
      checklist.needs.map((n) => n.id),
      BRANCH_NEEDS,
    );
    assert.deepEqual(reasons(checklist), BRANCH_BECAUSE);
    assert.deepEqual(
      checklist.values.map((v) => v.id),
      ['honest-errors'],
    );
    assert.equal(checklist.base, git('merge-base', 'main', 'feature').trim());
    assert.equal(checklist.head, git('rev-parse', 'feature').trim());
    const pay = checklist.needs[0];
    assert.equal(pay?.quote, 'I just want to pay and go.');
    assert.equal(pay?.personaName, 'Returning shopper');
    assert.equal(checklist.needs[1]?.evidenceCount, 0, 'saved-cards rests on no evidence');
    assert.equal(
      api.checklist.current().checklist,
      checklist,
      'the view shows what the command built',
    );
  });

  test('uncommitted changes: the working tree against HEAD, untracked files included', async () => {
    const checklist = await review({ mode: 'uncommitted' });
    assert.ok(checklist, api.checklist.current().error);
    assert.equal(checklist.head, 'WORKTREE');
    assert.equal(checklist.base, git('rev-parse', 'HEAD').trim());
    assert.deepEqual(
      checklist.needs.map((n) => n.id),
      UNCOMMITTED_NEEDS,
    );
    assert.deepEqual(reasons(checklist), UNCOMMITTED_BECAUSE);
  });

  test('staged changes: only what is in the index', async () => {
    git('add', 'src/search/query.ts');
    const checklist = await review({ mode: 'staged' });
    assert.ok(checklist, api.checklist.current().error);
    assert.equal(checklist.head, 'INDEX');
    assert.deepEqual(
      checklist.needs.map((n) => n.id),
      ['search-finds'],
    );
  });

  test('a typed commit range, two or three dots', async () => {
    for (const range of ['main..feature', 'main...feature']) {
      const checklist = await review({ mode: 'range', range });
      assert.ok(checklist, api.checklist.current().error);
      assert.deepEqual(reasons(checklist), BRANCH_BECAUSE, range);
    }
  });

  test('an unknown revision or a malformed range is said plainly, in the view', async () => {
    assert.equal(await review({ mode: 'range', range: 'no-such-branch...HEAD' }), undefined);
    assert.match(api.checklist.current().error ?? '', /no-such-branch/);
    assert.equal(await review({ mode: 'range', range: 'main' }), undefined);
    assert.match(api.checklist.current().error ?? '', /BASE\.\.HEAD/);
    assert.equal(await review({ mode: 'branch', base: 'no-such-base' }), undefined);
    assert.match(api.checklist.current().error ?? '', /no-such-base/);
  });

  test('a tick is written at once and read back by a fresh store', async () => {
    await review({ mode: 'branch' });
    await api.checklist.setTick('fast-checkout', PAY_QUESTION, true);
    const key = questionKey('fast-checkout', PAY_QUESTION);
    assert.ok(api.checklist.current().ticks.has(key));
    assert.deepEqual([...api.checklist.storedTicks()], [key]);
    // Another review of the same repository keeps its own ticks.
    await review({ mode: 'uncommitted' });
    assert.deepEqual([...api.checklist.storedTicks()], []);
    await review({ mode: 'branch' });
    assert.deepEqual([...api.checklist.current().ticks], [key]);
  });

  test('Copy as Markdown equals the CLI’s --format markdown, with the ticks', async () => {
    await review({ mode: 'branch' });
    await vscode.commands.executeCommand('outside-in.checklist.copyMarkdown');
    const copied = await vscode.env.clipboard.readText();
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const cli = execFileSync(
      process.execPath,
      [
        path.join(extension.extensionPath, 'dist', 'cli.js'),
        'checklist',
        '--root',
        folderPath(),
        '--base',
        'main',
        '--head',
        'HEAD',
        '--format',
        'markdown',
      ],
      { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
    );
    const unticked = `- [ ] ${PAY_QUESTION}`;
    assert.ok(cli.includes(unticked), cli);
    assert.equal(copied, cli.replace(unticked, `- [x] ${PAY_QUESTION}`));
  });

  test('Open as Markdown shows the same text in an untitled Markdown editor', async () => {
    await vscode.commands.executeCommand('outside-in.checklist.openMarkdown');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'markdown');
    assert.ok(editor.document.getText().includes(`- [x] ${PAY_QUESTION}`));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('an edit of the needs file that keeps the question keeps its tick', async () => {
    const changed = new Promise<void>((resolve) => {
      const sub = api.checklist.onDidChange(() => {
        if (api.checklist.current().checklist?.needs[0]?.title !== 'Checkout is instant') return;
        sub.dispose();
        resolve();
      });
    });
    const needsFile = vscode.Uri.file(path.join(folderPath(), 'customer-needs.yaml'));
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(needsFile));
    write(
      'customer-needs.yaml',
      text.replace('title: Checkout feels instant', 'title: Checkout is instant'),
    );
    await changed;
    assert.ok(api.checklist.current().ticks.has(questionKey('fast-checkout', PAY_QUESTION)));
  });

  test('a reason opens its exact line; a removed line opens the base side', async () => {
    await review({ mode: 'uncommitted' });
    const gift = UNCOMMITTED_BECAUSE['gift-wrap']?.[0];
    await vscode.commands.executeCommand('outside-in.checklist.openBecause', gift);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.ok(editor.document.uri.path.endsWith('/src/wrap.ts'), editor.document.uri.toString());
    assert.equal(editor.selection.active.line, 0);

    await review({ mode: 'branch' });
    const removed = BRANCH_BECAUSE['saved-cards']?.[0];
    await vscode.commands.executeCommand('outside-in.checklist.openBecause', removed);
    const base = vscode.window.visibleTextEditors.find(
      (e) =>
        e.document.uri.scheme === 'git' && e.document.uri.path.endsWith('/src/cart/summary.ts'),
    );
    assert.ok(base, vscode.window.visibleTextEditors.map((e) => e.document.uri.toString()).join());
    assert.equal(
      base.document.lineAt(1).text,
      "export const savedCardHint = 'Use your saved card';",
    );
    assert.equal(base.selection.active.line, 1);
  });

  test('the checklist follows HEAD: a checkout refreshes it', async () => {
    await review({ mode: 'branch' });
    git('checkout', '-q', '-b', 'other', 'main');
    await eventually(
      () => api.checklist.current().checklist?.needs.length === 0,
      'the checklist of a branch with no commits of its own',
    );
    git('checkout', '-q', 'feature');
    await eventually(
      () => api.checklist.current().checklist?.needs.length === BRANCH_NEEDS.length,
      'the checklist of feature again',
    );
  });

  test('a detached HEAD has no branch to review: said plainly', async () => {
    git('checkout', '-q', '--detach', 'feature');
    assert.equal(await review({ mode: 'branch' }), undefined);
    assert.match(api.checklist.current().error ?? '', /detached/);
    git('checkout', '-q', 'feature');
  });

  test('an @need of a need the branch rewords is a suspect until confirmed, and again when reworded', async () => {
    // On a branch of feature: the title edit of the test above, a new quote,
    // and a file annotated for fast-checkout, all committed.
    git('checkout', '-q', '-b', 'words');
    const needsFile = vscode.Uri.file(path.join(folderPath(), 'customer-needs.yaml'));
    const read = async (): Promise<string> =>
      new TextDecoder().decode(await vscode.workspace.fs.readFile(needsFile));
    write(
      'customer-needs.yaml',
      (await read()).replace('"I just want to pay and go."', '"I want to pay in one tap."'),
    );
    write('src/checkout/annotated.ts', '// @need fast-checkout\nexport const tap = 1;\n');
    git('add', '-A');
    git('commit', '-q', '-m', 'The customer said it better');

    const checklist = await review({ mode: 'branch', base: 'feature' });
    assert.ok(checklist, api.checklist.current().error);
    const need = checklist.needs.find((n) => n.id === 'fast-checkout');
    assert.equal(need?.changed, true);
    assert.deepEqual(need?.changedFields, ['title', 'quote']);
    assert.deepEqual(need?.suspects?.[0], {
      file: 'src/checkout/annotated.ts',
      line: 1,
      rule: 'annotation',
    });

    const uri = vscode.Uri.file(path.join(folderPath(), 'src', 'checkout', 'annotated.ts'));
    await vscode.window.showTextDocument(uri);
    const suspects = (): vscode.Diagnostic[] =>
      vscode.languages.getDiagnostics(uri).filter((d) => d.code === 'suspect-link');
    await eventually(() => suspects().length === 1, 'the suspect diagnostic');
    const diagnostic = suspects()[0];
    assert.ok(diagnostic);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Information);
    assert.match(diagnostic.message, /"fast-checkout" changed since [0-9a-f]{12} \(title, quote\)/);
    assert.deepEqual(
      [
        diagnostic.range.start.line,
        diagnostic.range.start.character,
        diagnostic.range.end.character,
      ],
      [0, 9, 22],
    );

    // The quick fix confirms the need's words as the extension has loaded them,
    // and the needs file written above reaches it on the watcher's time: wait
    // for the words on disk, or the confirmation is of the words before them.
    const written = loadNeedsText(await read()).file?.needs.find((n) => n.id === 'fast-checkout');
    assert.ok(written);
    const onDisk = needFingerprint(written);
    let confirm: vscode.CodeAction | undefined;
    const deadline = Date.now() + 15_000;
    for (;;) {
      const actions: vscode.CodeAction[] = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider',
        uri,
        diagnostic.range,
      );
      confirm = actions.find((a) => a.title === 'Confirm still serves this need');
      if (confirm?.command?.arguments?.[1] === onDisk) break;
      if (Date.now() > deadline)
        assert.fail(`no quick fix for the words on disk: ${actions.map((a) => a.title).join()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(confirm.command);
    await vscode.commands.executeCommand(
      confirm.command.command,
      ...(confirm.command.arguments ?? []),
    );
    await eventually(() => suspects().length === 0, 'the confirmed suspect to go');

    // Reworded again: the confirmation was for the words it had then.
    write('customer-needs.yaml', (await read()).replace('one tap', 'a single tap'));
    await eventually(() => suspects().length === 1, 'the suspect to come back');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });
});
