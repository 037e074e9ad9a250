import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi } from '../helpers';
import { hoverTexts, rangeText } from './util';

// Expectations written from customer-needs.yaml and src/checkout/pay.ts of the
// `editor` fixture, following the hover the README describes: quote, title, priority,
// persona, evidence, signals, review questions, why.
suite('Hover on linked code', () => {
  suiteSetup(async () => (await activeApi()).ready());

  test('a keyword hit shows the whole need and why it matched', async () => {
    const { texts, hovers } = await hoverTexts('src/checkout/pay.ts', 'const savedCard', 8);
    assert.equal(texts.length, 1, JSON.stringify(texts));
    const text = texts[0] as string;
    assert.ok(text.startsWith('> “I just want to pay and go.”'), text);
    assert.ok(
      text.includes('**Checkout feels instant** — high · Returning shopper · `fast-checkout`'),
      text,
    );
    assert.ok(text.includes('Validated · 1 piece of evidence, none dated'), text);
    assert.ok(text.includes('- Observed: 38% of mobile sessions end on the payment step'), text);
    assert.ok(text.includes('Ask in review:\n- Does this change add a step to checkout?'), text);
    assert.ok(text.includes('Why: keyword `saved card` on line 10; path `src/checkout/**`'), text);
    assert.ok(text.includes('[Open the need](command:outside-in.openNeed?'), text);
    // The hover covers the matched identifier: `savedCard` on line 9.
    const ours = hovers.find((h) => h.range?.start.line === 9);
    assert.equal(ours?.range && rangeText(ours.range), '9:10-9:19');
  });

  test('only our own command may run from the hover; no HTML', async () => {
    const { hovers } = await hoverTexts('src/checkout/pay.ts', 'const savedCard', 8);
    const markdown = hovers
      .flatMap((h) => h.contents)
      .find(
        (c): c is vscode.MarkdownString =>
          typeof c !== 'string' && 'isTrusted' in c && c.value.includes('Checkout feels instant'),
      );
    assert.ok(markdown);
    assert.deepEqual(markdown.isTrusted, { enabledCommands: ['outside-in.openNeed'] });
    assert.ok(!markdown.supportHtml);
  });

  test('an annotation says so, with its need', async () => {
    const { texts } = await hoverTexts('src/checkout/pay.ts', '@need saved-cards', 8);
    assert.equal(texts.length, 1, JSON.stringify(texts));
    assert.ok(texts[0]?.includes('**Cards are remembered** — medium · `saved-cards`'), texts[0]);
    assert.ok(texts[0]?.includes('⚠ Assumption: rests on no evidence'), texts[0]);
    assert.ok(texts[0]?.includes('Why: annotation `@need saved-cards` on line 4'), texts[0]);
  });

  test('not on the rest of a linked line, nor on unlinked code', async () => {
    assert.deepEqual((await hoverTexts('src/checkout/pay.ts', "'visa'", 2)).texts, []);
    assert.deepEqual((await hoverTexts('src/checkout/pay.ts', 'charge(', 2)).texts, []);
  });

  test('not in text `outside-in instructions` generated, though it repeats the keyword', async () => {
    // AGENTS.md: `saved card` on line 3 is the user's, on line 7 inside the generated region.
    const mine = await hoverTexts('AGENTS.md', 'the saved card', 5);
    assert.equal(mine.texts.length, 1, JSON.stringify(mine.texts));
    assert.ok(mine.texts[0]?.includes('Why: keyword `saved card` on line 3'), mine.texts[0]);
    assert.deepEqual((await hoverTexts('AGENTS.md', 'keywords saved card', 10)).texts, []);
  });

  test('the open link opens the needs file at the need', async () => {
    const { texts } = await hoverTexts('src/checkout/pay.ts', 'const savedCard', 8);
    const link = /\(command:outside-in\.openNeed\?([^)]+)\)/.exec(texts[0] ?? '');
    assert.ok(link, texts[0]);
    const args = JSON.parse(decodeURIComponent(link[1] as string)) as [string, string];
    await vscode.commands.executeCommand('outside-in.openNeed', ...args);
    const editor = vscode.window.activeTextEditor;
    assert.ok(
      editor && editor.document.uri.path.endsWith('/customer-needs.yaml'),
      'the needs file is open',
    );
    assert.equal(rangeText(editor.selection), '7:8-7:21');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  test('a need from a broken needs file still shows (what could be read)', async () => {
    const { texts } = await hoverTexts('packages/broken/src/refund.ts', 'refund(', 1);
    assert.equal(texts.length, 1, JSON.stringify(texts));
    assert.ok(texts[0]?.includes('**Refunds arrive fast** — medium'), texts[0]);
  });

  test('on a need id in the needs file: how much code links to it', async () => {
    const { texts } = await hoverTexts('customer-needs.yaml', 'id: fast-checkout', 6);
    // AGENTS.md's own line counts; its generated region, which names the keyword too, does not.
    assert.deepEqual(texts, [
      '`fast-checkout`: Linked from 3 files: 1 annotation, 3 keyword lines, 1 file by path.',
    ]);
  });
});
