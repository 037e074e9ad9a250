import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, positionOf } from '../helpers';
import { open, rangeText } from './util';

function place(l: vscode.Location | vscode.LocationLink): string {
  const uri = 'targetUri' in l ? l.targetUri : l.uri;
  const range = 'targetUri' in l ? (l.targetSelectionRange ?? l.targetRange) : l.range;
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  const path = folder ? vscode.workspace.asRelativePath(uri, false) : uri.path;
  return `${path} ${rangeText(range)}`;
}

// fast-checkout's links, found by hand in the fixture: the keyword `saved card`
// twice in pay.ts (savedCard on lines 10 and 11, 1-based), the annotation in
// summary.ts (line 3); its id sits on line 8 of customer-needs.yaml.
// AGENTS.md's own `saved card` counts; the one in its generated region does not.
const FAST_CHECKOUT_REFERENCES = [
  'AGENTS.md 2:9-2:19',
  'customer-needs.yaml 7:8-7:21',
  'src/cart/summary.ts 2:9-2:22',
  'src/checkout/pay.ts 10:19-10:28',
  'src/checkout/pay.ts 9:10-9:19',
];

suite('Navigation and completion', () => {
  suiteSetup(async () => (await activeApi()).ready());

  test('go to definition from @need id lands on the id in the needs file', async () => {
    const document = await open('src/cart/summary.ts');
    const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(
      'vscode.executeDefinitionProvider',
      document.uri,
      positionOf(document, '@need fast-checkout', 9),
    );
    assert.deepEqual(found.map(place), ['customer-needs.yaml 7:8-7:21']);
  });

  test('find references from @need id: annotations and keyword hits across the workspace', async () => {
    const document = await open('src/cart/summary.ts');
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, '@need fast-checkout', 9),
    );
    assert.deepEqual(found.map(place).sort(), FAST_CHECKOUT_REFERENCES);
  });

  test('find references from the id in the needs file', async () => {
    const document = await open('customer-needs.yaml');
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'id: saved-cards', 6),
    );
    // saved-cards: the annotation in pay.ts, `wallet` twice there and once in summary.ts.
    assert.deepEqual(found.map(place).sort(), [
      'customer-needs.yaml 22:8-22:19',
      'src/cart/notes.ts 0:9-0:20',
      'src/cart/summary.ts 7:13-7:19',
      'src/checkout/pay.ts 3:11-3:22',
      'src/checkout/pay.ts 4:11-4:17',
      'src/checkout/pay.ts 5:11-5:17',
    ]);
  });

  test('completion after "@need ": the ids, titles as detail, quote and priority as documentation', async () => {
    const document = await open('src/cart/summary.ts');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      positionOf(document, '@need fast-checkout', 6),
    );
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Reference);
    assert.deepEqual(
      ours
        .map((i) => `${typeof i.label === 'string' ? i.label : i.label.label} — ${i.detail}`)
        .sort(),
      [
        'fast-checkout — Checkout feels instant',
        'gift-wrap — Gifts arrive wrapped',
        'saved-cards — Cards are remembered',
      ],
    );
    const saved = ours.find((i) => i.label === 'saved-cards');
    const doc = saved?.documentation;
    assert.ok(doc instanceof vscode.MarkdownString || typeof doc === 'object');
    assert.equal(
      (doc as vscode.MarkdownString).value,
      '> “Why do I type my card every time?”\n\n**medium** · assumed',
    );
  });

  test('completion after a comma replaces the id being typed', async () => {
    const document = await open('src/cart/notes.ts');
    const line = document.lineAt(0).text; // `// @need saved-cards, gi`
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, line.length),
    );
    const gift = list.items.find((i) => i.label === 'gift-wrap');
    assert.ok(gift, JSON.stringify(list.items.map((i) => i.label)));
    const range = gift.range as { inserting: vscode.Range; replacing: vscode.Range };
    assert.equal(rangeText(range.replacing), '0:22-0:24');
  });
});
