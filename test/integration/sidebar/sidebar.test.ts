import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { loadNeedsText } from '../../../src/core/load';
import type { OutsideInApi } from '../../../src/vscode/extension';
import type { NeedsNode } from '../../../src/vscode/tree/needsModel';
import type { NeedsTreeProvider } from '../../../src/vscode/tree/needsTree';
import { activeApi, workspaceUri } from '../helpers';

// Expectations are written by hand from the fixture test/fixtures/workspaces/sidebar:
// six needs (one assumed, one stale, one retired), and files that link to them by
// annotation (src/checkout.ts, src/admin/refunds.ts), keyword (checkout.ts) and path
// (src/cart/total.ts).

/** Resolves when `check` holds, re-checking on each `event`; fails after `ms`. */
function until(
  check: () => boolean,
  event: vscode.Event<unknown>,
  what: string,
  ms = 10_000,
): Promise<void> {
  if (check()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`));
    }, ms);
    const subscription = event(() => {
      if (!check()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    });
  });
}

/** Polls `check` until it holds; only where VS Code offers no event to wait for. */
async function poll(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Re-asks `actual` until it deep-equals `expected`: the store may answer from an editor's text first. */
async function eventually<T>(actual: () => Promise<T>, expected: T, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await actual();
    try {
      assert.deepEqual(value, expected);
      return;
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function children(tree: NeedsTreeProvider, node?: NeedsNode): Promise<NeedsNode[]> {
  return (await tree.getChildren(node)) ?? [];
}

function label(tree: NeedsTreeProvider, node: NeedsNode): string {
  const l = tree.getTreeItem(node).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

/** Each group's label with the titles of its needs. */
async function outline(tree: NeedsTreeProvider): Promise<[string, string[]][]> {
  const out: [string, string[]][] = [];
  for (const group of await children(tree)) {
    const needs = await children(tree, group);
    out.push([label(tree, group), needs.map((n) => label(tree, n))]);
  }
  return out;
}

async function needNode(tree: NeedsTreeProvider, title: string): Promise<NeedsNode> {
  for (const group of await children(tree)) {
    for (const need of await children(tree, group)) if (label(tree, need) === title) return need;
  }
  throw new Error(`No need "${title}" in the tree.`);
}

async function open(path: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(...path.split('/')));
  return vscode.window.showTextDocument(document);
}

async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace
    .getConfiguration('outsideIn')
    .update(key, value, vscode.ConfigurationTarget.Workspace);
}

suite('Sidebar: the Customer Needs view', () => {
  let api: OutsideInApi;
  let tree: NeedsTreeProvider;

  suiteSetup(async () => {
    api = await activeApi();
    await api.ready();
    tree = api.views.needsTree;
  });

  test('groups needs by priority, retired needs apart and last', async () => {
    await vscode.commands.executeCommand('outside-in.sidebar.groupByPriority');
    assert.deepEqual(await outline(tree), [
      ['High', ['Checkout feels instant', 'Cards are remembered']],
      ['Medium', ['The total I see is the total I pay', 'Search forgives typos']],
      ['Low', ['I can see where my refund is']],
      ['Retired', ['PayPal works the way it used to']],
    ]);
  });

  test('the title-bar toggle groups them by persona, and back', async () => {
    await vscode.commands.executeCommand('outside-in.sidebar.groupByPersona');
    assert.deepEqual(await outline(tree), [
      ['Back-office admin', ['I can see where my refund is']],
      [
        'Returning shopper',
        ['Checkout feels instant', 'Cards are remembered', 'The total I see is the total I pay'],
      ],
      ['No persona', ['Search forgives typos']],
      ['Retired', ['PayPal works the way it used to']],
    ]);
    await vscode.commands.executeCommand('outside-in.sidebar.groupByPriority');
    assert.equal(label(tree, (await children(tree))[0] as NeedsNode), 'High');
  });

  test('an assumed and a stale need carry a badge and a warning icon; the quote shows', async () => {
    const assumed = tree.getTreeItem(await needNode(tree, 'Cards are remembered'));
    assert.equal(assumed.description, 'assumption · “Why do I type my card every time?”');
    assert.equal((assumed.iconPath as vscode.ThemeIcon).id, 'warning');

    const stale = tree.getTreeItem(await needNode(tree, 'The total I see is the total I pay'));
    assert.equal(stale.description, 'validated, stale · “The price jumped at the last step.”');
    assert.equal((stale.iconPath as vscode.ThemeIcon).id, 'warning');
    // The tooltip says the date and the age of the stale evidence, as the hover does.
    assert.match(
      (stale.tooltip as vscode.MarkdownString).value,
      /^⚠ Validated · 1 piece of evidence, newest 2020-01-01 \(\d+ years ago\) · stale: re-validate with customers$/m,
    );

    const sound = tree.getTreeItem(await needNode(tree, 'Checkout feels instant'));
    assert.equal(sound.description, '“I just want to pay and go.”');
    assert.notEqual((sound.iconPath as vscode.ThemeIcon).id, 'warning');
  });

  test('the tooltip is the need as Markdown, customer words first, untrusted', async () => {
    const item = tree.getTreeItem(await needNode(tree, 'Checkout feels instant'));
    const tooltip = item.tooltip as vscode.MarkdownString;
    assert.ok(tooltip.value.startsWith('> “I just want to pay and go.”'), tooltip.value);
    assert.ok(tooltip.value.includes('**Checkout feels instant** — high · Returning shopper'));
    assert.ok(!tooltip.isTrusted);
  });

  test('clicking a need opens it in the needs file at its id', async () => {
    const item = tree.getTreeItem(await needNode(tree, 'Cards are remembered'));
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), workspaceUri('customer-needs.yaml').toString());
    assert.equal(editor?.document.getText(editor.selection), 'saved-cards');
  });

  test('a need expands to its linked files, a file to its lines', async () => {
    const files = await children(tree, await needNode(tree, 'Checkout feels instant'));
    assert.deepEqual(
      files.map((f) => [label(tree, f), tree.getTreeItem(f).description]),
      [['src/checkout.ts', '2 lines']],
    );
    const lines = await children(tree, files[0]);
    assert.deepEqual(
      lines.map((l) => [label(tree, l), tree.getTreeItem(l).description]),
      [
        ['Line 1', 'annotation @need fast-checkout'],
        ['Line 2', 'keyword "pay now"'],
      ],
    );

    const whole = await children(tree, await needNode(tree, 'The total I see is the total I pay'));
    assert.deepEqual(
      whole.map((f) => [
        label(tree, f),
        tree.getTreeItem(f).description,
        tree.getTreeItem(f).collapsibleState,
      ]),
      [
        [
          'src/cart/total.ts',
          'whole file (path "src/cart/**")',
          vscode.TreeItemCollapsibleState.None,
        ],
      ],
    );

    const none = await children(tree, await needNode(tree, 'Search forgives typos'));
    assert.deepEqual(
      none.map((n) => label(tree, n)),
      ['No code relates to this need yet'],
    );
  });

  test('clicking a line opens the file at that line', async () => {
    const [file] = await children(tree, await needNode(tree, 'Checkout feels instant'));
    const [, keyword] = await children(tree, file);
    const command = tree.getTreeItem(keyword as NeedsNode).command;
    assert.ok(command);
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    await poll(
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/src/checkout.ts') === true,
      'src/checkout.ts to open',
    );
    const editor = vscode.window.activeTextEditor as vscode.TextEditor;
    assert.equal(editor.selection.start.line, 1);
    assert.equal(editor.document.getText(editor.selection), 'payNow');
  });

  test('a saved file relinks, a deleted one unlinks, a new one is found', async () => {
    const linked = async (title: string): Promise<string[]> =>
      (await children(tree, await needNode(tree, title))).map((n) => label(tree, n));
    const none = ['No code relates to this need yet'];
    assert.deepEqual(await linked('Search forgives typos'), none);
    const checkout = await linked('Checkout feels instant');

    // Saved from an editor: the index re-reads that file.
    const plain = workspaceUri('src', 'plain.ts');
    const editor = await open('src/plain.ts');
    const original = editor.document.getText();
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// @need search-typos\n'));
    await editor.document.save();
    await eventually(() => linked('Search forgives typos'), ['src/plain.ts']);
    // The other files' links are kept as they were.
    assert.deepEqual(await linked('Checkout feels instant'), checkout);

    // Written on disk behind the editor's back, then deleted.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.writeFile(plain, new TextEncoder().encode(original));
    await eventually(() => linked('Search forgives typos'), none);
    await vscode.workspace.fs.writeFile(
      plain,
      new TextEncoder().encode(`// @need search-typos\n${original}`),
    );
    await eventually(() => linked('Search forgives typos'), ['src/plain.ts']);
    await vscode.workspace.fs.delete(plain);
    await eventually(() => linked('Search forgives typos'), none);

    // A new file: found by a fresh walk.
    const fresh = workspaceUri('src', 'search.ts');
    await vscode.workspace.fs.writeFile(
      fresh,
      new TextEncoder().encode('// @need search-typos\nexport const q = 1;\n'),
    );
    await eventually(() => linked('Search forgives typos'), ['src/search.ts']);
    await vscode.workspace.fs.delete(fresh);
    await vscode.workspace.fs.writeFile(plain, new TextEncoder().encode(original));
    await eventually(() => linked('Search forgives typos'), none);
    assert.deepEqual(await linked('Checkout feels instant'), checkout);
  });

  test("the index keeps its scan and walk caches in the extension's storage, not in the workspace", async () => {
    await children(tree, await needNode(tree, 'Checkout feels instant')); // the index is built
    // The test runner makes HOME and the user data folder siblings in its session folder.
    const data = path.join(path.dirname(process.env.HOME ?? ''), 'user-data');
    const storage = path.join(data, 'User', 'workspaceStorage');
    const caches = (): string[] =>
      fs
        .readdirSync(storage)
        .map((w) => path.join(storage, w, 'outside-in.outside-in', 'scan-cache'))
        .filter((d) => fs.existsSync(d))
        .flatMap((d) => fs.readdirSync(d).map((f) => path.join(d, f, 'scan-cache.json')))
        .filter((f) => fs.existsSync(f));
    await poll(() => caches().length === 1, 'one scan cache in the extension storage');
    const text = fs.readFileSync(caches()[0] as string, 'utf8');
    // A checksum line, a line of tables, then a line a file: checkout.ts is one.
    assert.ok(
      text.split('\n').some((line) => line.startsWith('["src/checkout.ts",')),
      'the cache has no line for src/checkout.ts',
    );
    // The walk's folder listings beside it.
    const listings = path.join(path.dirname(caches()[0] as string), 'walk-cache.json');
    await poll(() => fs.existsSync(listings), 'the walk cache beside the scan cache');
    assert.equal(fs.existsSync(workspaceUri('.outside-in').fsPath), false);
  });

  test('the command line writing its cache in .outside-in/ does not rebuild the index', async () => {
    await children(tree, await needNode(tree, 'Checkout feels instant')); // the index is built
    await new Promise((r) => setTimeout(r, 1500)); // refreshes still pending from before have run
    let refreshes = 0;
    const counting = tree.onDidChangeTreeData(() => refreshes++);
    const ours = workspaceUri('.outside-in');
    try {
      // What `outside-in check` writes: its folder's .gitignore, then the cache, twice.
      const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(ours, '.gitignore'), bytes('*\n'));
      const cache = vscode.Uri.joinPath(ours, 'scan-cache.json');
      await vscode.workspace.fs.writeFile(cache, bytes('x\n{}'));
      await vscode.workspace.fs.writeFile(cache, bytes('y\n{}'));
      await new Promise((r) => setTimeout(r, 3000));
      assert.equal(refreshes, 0, 'the tree was refreshed after writes under .outside-in/');
      // The counter sees a refresh when there is one: a new source file is one.
      const control = workspaceUri('src', 'control.ts');
      await vscode.workspace.fs.writeFile(control, bytes('export const c = 1;\n'));
      await poll(() => refreshes > 0, 'a refresh after a new source file');
      await vscode.workspace.fs.delete(control);
    } finally {
      counting.dispose();
      await vscode.workspace.fs.delete(ours, { recursive: true });
    }
  });

  test('the active-file filter shows only the needs of the active editor, following it', async () => {
    await open('src/checkout.ts');
    await vscode.commands.executeCommand('outside-in.sidebar.showActiveFileOnly');
    await eventually(
      () => outline(tree),
      [['High', ['Checkout feels instant', 'Cards are remembered']]],
    );
    // The needs file names "pay now" and "saved card", yet it is not code that serves them.
    await open('customer-needs.yaml');
    await eventually(() => outline(tree), []);
    await open('src/admin/refunds.ts');
    await eventually(() => outline(tree), [['Low', ['I can see where my refund is']]]);
    await open('src/plain.ts');
    await eventually(() => outline(tree), []);
    await vscode.commands.executeCommand('outside-in.sidebar.showAllNeeds');
    assert.equal((await outline(tree)).length, 4);
  });

  test('staleDays takes effect without a reload', async () => {
    // The item reads the setting each time VS Code asks for it, as after a refresh.
    const node = await needNode(tree, 'The total I see is the total I pay');
    try {
      await setSetting('staleDays', 100_000);
      await poll(
        () => tree.getTreeItem(node).description === '“The price jumped at the last step.”',
        'the stale badge to go',
      );
    } finally {
      await setSetting('staleDays', undefined);
    }
  });
});

suite('Sidebar: the status bar', () => {
  let api: OutsideInApi;

  suiteSetup(async () => {
    api = await activeApi();
    await api.ready();
  });

  const text = (): string | undefined => api.views.statusBar.text;
  const showing = (expected: string | undefined, what: string): Promise<void> =>
    until(() => text() === expected, api.views.statusBar.onDidUpdate, `${what} (now ${text()})`);

  test('counts the needs the active file relates to, and hides at none', async () => {
    await open('src/checkout.ts');
    await showing('$(person) 2 needs', 'two needs for checkout.ts');
    await open('customer-needs.yaml');
    await showing(undefined, 'the item to hide on the needs file, which names the keywords');
    await open('src/admin/refunds.ts');
    await showing('$(person) 1 need', 'one need for refunds.ts');
    await open('src/plain.ts');
    await showing(undefined, 'the item to hide on plain.ts');
  });

  test('follows typing in the active file', async () => {
    const editor = await open('src/checkout.ts');
    await showing('$(person) 2 needs', 'two needs for checkout.ts');
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '// @need refund-status\n'));
    await showing('$(person) 3 needs', 'the annotation typed in to count');
    await vscode.commands.executeCommand('undo');
    await showing('$(person) 2 needs', 'the undo to count');
  });

  test('respects inlineMinimumPriority', async () => {
    await open('src/cart/total.ts');
    await showing('$(person) 1 need', 'the medium need of total.ts');
    try {
      await setSetting('inlineMinimumPriority', 'high');
      await showing(undefined, 'a medium need to be left out at high');
      await open('src/checkout.ts');
      await showing('$(person) 2 needs', 'the two high needs of checkout.ts');
    } finally {
      await setSetting('inlineMinimumPriority', undefined);
    }
  });
});

// Last: it removes the fixture's needs file.
suite('Sidebar: creating a needs file', () => {
  let api: OutsideInApi;

  suiteSetup(async () => {
    api = await activeApi();
    await api.ready();
  });

  test('never overwrites an existing needs file: it opens it', async () => {
    const uri = workspaceUri('customer-needs.yaml');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    const result = await vscode.commands.executeCommand<vscode.Uri>('outside-in.createNeedsFile');
    assert.equal(result?.toString(), uri.toString());
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), before);
  });

  test('writes a starter file the store loads without errors, and the tree shows it', async () => {
    const uri = workspaceUri('customer-needs.yaml');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri);
    await vscode.commands.executeCommand('outside-in.reloadNeeds');
    await api.ready();
    await eventually(() => outline(api.views.needsTree), []);

    const created = await vscode.commands.executeCommand<vscode.Uri>('outside-in.createNeedsFile');
    assert.equal(created?.toString(), uri.toString());
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    await api.ready();

    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    assert.ok(text.startsWith('# Customer needs'), text.slice(0, 80));
    assert.deepEqual(
      loadNeedsText(text).problems.filter((p) => p.severity === 'error'),
      [],
    );
    const tree = api.views.needsTree;
    await eventually(() => outline(tree), [['High', ['Checkout feels instant']]]);
    const item = tree.getTreeItem(await needNode(tree, 'Checkout feels instant'));
    assert.equal(item.description, 'assumption · “I just want to pay and go.”');
  });
});
