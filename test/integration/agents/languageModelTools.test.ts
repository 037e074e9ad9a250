import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, workspaceUri } from '../helpers';

// The fixture is test/fixtures/workspaces/basic: fast-checkout (high, one piece of
// evidence, persona shopper = "Returning shopper"), saved-cards (medium, no
// evidence: an assumption) and hostile-text (low), annotated in src/checkout.ts.

async function ask(name: string, input: object): Promise<string> {
  const result = await vscode.lm.invokeTool(name, { input, toolInvocationToken: undefined });
  return result.content
    .map((part) => (part instanceof vscode.LanguageModelTextPart ? part.value : ''))
    .join('');
}

suite('Language-model tools', () => {
  suiteSetup(async () => {
    await (await activeApi()).ready();
  });

  test('the tools are registered with their manifest schema and chat names', () => {
    const ours = vscode.lm.tools.filter((t) => t.name.startsWith('outside-in_'));
    assert.deepEqual(ours.map((t) => t.name).sort(), [
      'outside-in_checklist',
      'outside-in_findNeeds',
      'outside-in_relatedNeeds',
    ]);
    const related = ours.find((t) => t.name === 'outside-in_relatedNeeds');
    const schema = related?.inputSchema as { properties?: Record<string, unknown> } | undefined;
    assert.deepEqual(Object.keys(schema?.properties ?? {}).sort(), ['endLine', 'line', 'path']);
  });

  test('a line annotated for two needs: both, with the customer words and why', async () => {
    // Line 8: "// Remembers the card for next time. @need fast-checkout, saved-cards"
    const text = await ask('outside-in_relatedNeeds', { path: 'src/checkout.ts', line: 8 });
    assert.match(text, /^2 customer needs relate to src\/checkout\.ts:8\./);
    // high before medium
    assert.ok(text.indexOf('## fast-checkout') < text.indexOf('## saved-cards'), text);
    assert.ok(text.includes('## fast-checkout: Checkout feels instant (high, validated)'), text);
    assert.ok(
      text.includes('Customer said: “I just want to pay and go.” (Returning shopper)'),
      text,
    );
    assert.ok(text.includes('Customer said: “Why do I type my card every time?”'), text);
    assert.ok(text.includes('annotation @need saved-cards on line 8'), text);
    assert.ok(text.includes('## saved-cards: Cards are remembered (medium, assumption)'), text);
    assert.ok(text.includes('Evidence: Assumption: rests on no evidence'), text);
    assert.ok(!text.includes('hostile-text'), text);
  });

  test('without a path it answers for the active editor and its selection', async () => {
    const editor = await vscode.window.showTextDocument(workspaceUri('src', 'checkout.ts'));
    // Lines 13-14 (0-based 12-13): "// @need hostile-text" and the constant.
    editor.selection = new vscode.Selection(12, 0, 13, 5);
    const text = await ask('outside-in_relatedNeeds', {});
    assert.match(text, /^1 customer need relates to src\/checkout\.ts:13-14\./);
    assert.ok(text.includes('## hostile-text: Sneaky [click me]'), text);
  });

  test('a line no rule reaches (return `paid …`), a bad line and a missing file are answers, not errors', async () => {
    const none = await ask('outside-in_relatedNeeds', { path: 'src/checkout.ts', line: 5 });
    assert.equal(
      none,
      'No customer need relates to src/checkout.ts:5. Nothing in the needs file speaks for this code.',
    );
    const zero = await ask('outside-in_relatedNeeds', { path: 'src/checkout.ts', line: 0 });
    assert.equal(zero, 'line must be a whole number from 1, got 0.');
    const missing = await ask('outside-in_relatedNeeds', { path: 'src/nowhere.ts' });
    assert.equal(missing, 'src/nowhere.ts: no such file in the workspace.');
  });

  test('find needs by priority and by words', async () => {
    const high = await ask('outside-in_findNeeds', { priority: 'high' });
    assert.ok(high.startsWith('1 need matches priority high:'), high);
    assert.ok(
      high.includes(
        '- fast-checkout: Checkout feels instant (high, validated) for Returning shopper. “I just want to pay and go.”',
      ),
      high,
    );
    const words = await ask('outside-in_findNeeds', { text: 'CARD time' });
    assert.ok(words.includes('- saved-cards:'), words);
    assert.ok(words.includes('(medium, assumption)'), words);
    assert.ok(!words.includes('fast-checkout'), words);
    const bad = await ask('outside-in_findNeeds', { priority: 'urgent' });
    assert.equal(bad, 'priority must be one of critical, high, medium, low, got urgent.');
  });
});
