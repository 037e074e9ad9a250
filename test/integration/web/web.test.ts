/**
 * The browser build (vscode.dev, github.dev) in a real web worker extension
 * host: the runner bundles this suite with mocha's browser build and opens it
 * with the extension forced into the web worker. No Node here: not even
 * `node:assert`, hence the small checks below. Expectations are written by hand
 * from the fixture test/fixtures/workspaces/web: two needs, src/checkout.ts
 * annotated (and one unknown id), src/cart/ linked by path, and generated/
 * (ignored by .gitignore) annotated but never read.
 */
import * as vscode from 'vscode';
import type { OutsideInWebApi } from '../../../src/vscode/extensionWeb';
import { NO_DIFF_MESSAGE } from '../../../src/vscode/checklist/noDiff';
import type { NeedsNode } from '../../../src/vscode/tree/needsModel';
import type { NeedsTreeProvider } from '../../../src/vscode/tree/needsTree';
import { EXTENSION_ID, hoversAt, hoverWith, until, workspaceUri } from '../helpers';
import { brief, diagnosticsWhen, ours } from '../editor/util';

function ok(value: unknown, message: string): asserts value {
  if (!value) throw new Error(message);
}

function equal<T>(actual: T, expected: T): void {
  const [a, e] = [JSON.stringify(actual), JSON.stringify(expected)];
  if (a !== e) throw new Error(`expected ${e}\n     got ${a}`);
}

async function children(tree: NeedsTreeProvider, node?: NeedsNode): Promise<NeedsNode[]> {
  return (await tree.getChildren(node)) ?? [];
}

function label(tree: NeedsTreeProvider, node: NeedsNode): string {
  const l = tree.getTreeItem(node).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

suite('In the browser (web worker extension host)', () => {
  let api: OutsideInWebApi;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<OutsideInWebApi>(EXTENSION_ID);
    ok(extension, `${EXTENSION_ID} is not installed`);
    api = await extension.activate();
    await api.ready();
  });

  test('runs the browser entry in a web worker, without Node', () => {
    const g = globalThis as {
      process?: { versions?: { node?: unknown } };
      importScripts?: unknown;
    };
    ok(typeof g.process?.versions?.node !== 'string', 'Node is there: not a web worker');
    ok(typeof g.importScripts === 'function', 'no importScripts: not a web worker');
    // Only the desktop entry (dist/extension.js) offers the MCP server to agents.
    ok(!('agents' in api), 'the desktop entry was loaded, not the browser one');
    equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  test('hovers show the need behind an annotation', async () => {
    const { texts } = await hoversAt('src/checkout.ts', '@need fast-checkout', 8);
    const text = hoverWith(texts, 'Checkout feels instant');
    ok(text.includes('**Checkout feels instant** — high'), text);
    ok(text.includes('“I just want to pay and go.”'), text);
  });

  test('CodeLens names the need a file serves by its path', async () => {
    const document = await vscode.workspace.openTextDocument(
      workspaceUri('src', 'cart', 'total.ts'),
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    equal(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [[0, 'Customer needs: The total I see is the total I pay (medium)']],
    );
  });

  test('an unknown @need id is an error on the id', async () => {
    const uri = workspaceUri('src', 'checkout.ts');
    await vscode.workspace.openTextDocument(uri);
    const found = await diagnosticsWhen(uri, (d) => ours(d).length > 0, 'the unknown id');
    equal(ours(found).map(brief), ['7:9-7:21 error unknown-need']);
  });

  test('the needs file is validated: a bad priority is an error at its value', async () => {
    const uri = workspaceUri('customer-needs.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const line = document.lineAt(9); // "    priority: high" of fast-checkout
    equal(line.text, '    priority: high');
    await editor.edit((e) => e.replace(line.range, '    priority: urgent'));
    try {
      const found = await diagnosticsWhen(
        uri,
        (d) => ours(d).some((x) => x.range.start.line === 9),
        'the bad priority',
      );
      // Both needs lack evidence: warnings on their ids, as on the desktop.
      equal(ours(found).map(brief).sort(), [
        '11:8-11:19 warning no-evidence',
        '6:8-6:21 warning no-evidence',
        '9:14-9:20 error invalid-enum',
      ]);
    } finally {
      // Undone in the editor, unsaved: the store reads the open editor's text.
      await editor.edit((e) => e.replace(document.lineAt(9).range, '    priority: high'));
    }
  });

  test('the sidebar lists the needs, with the files the walk reached (not the ignored ones)', async () => {
    const tree = api.views.needsTree;
    await vscode.commands.executeCommand('outside-in.sidebar.groupByPriority');
    const groups = await until(
      () => children(tree),
      (g) => g.length === 2,
      'two priority groups',
    );
    equal(
      groups.map((g) => label(tree, g)),
      ['High', 'Medium'],
    );
    const [high] = groups as [NeedsNode];
    const [fast] = await children(tree, high);
    ok(fast, 'no need under High');
    equal(label(tree, fast), 'Checkout feels instant');
    // src/checkout.ts only: generated/copy.ts is ignored by .gitignore.
    const files = await children(tree, fast);
    equal(
      files.map((f) => label(tree, f)),
      ['src/checkout.ts'],
    );
  });

  test('the Review Checklist says plainly that there is no diff here, and what to do instead', async () => {
    await vscode.commands.executeCommand('outside-in.reviewChecklist', { mode: 'uncommitted' });
    const state = api.checklist.current();
    equal(state.error, NO_DIFF_MESSAGE);
    ok(state.error?.includes('desktop VS Code'), 'no way out named');
    ok(state.error?.includes('outside-in checklist'), 'no CLI named');
    equal(state.checklist, undefined);
    // Without arguments the command asks first which change: the same answer, no exception.
    await vscode.commands.executeCommand('outside-in.reviewChecklist');
    equal(api.checklist.current().error, NO_DIFF_MESSAGE);
  });
});
