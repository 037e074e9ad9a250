import * as assert from 'node:assert/strict';
import { hoversAt, hoverWith } from '../helpers';

suite('Hover on @need annotations', () => {
  test('shows the title, priority and the customer quote of the need', async () => {
    const { texts } = await hoversAt('src/checkout.ts', '@need fast-checkout', '@need '.length + 2);
    const text = hoverWith(texts, 'Checkout feels instant');
    assert.match(text, /\*\*Checkout feels instant\*\*/);
    assert.match(text, /High priority/);
    assert.match(text, /I just want to pay and go\\\./);
  });

  test('covers exactly the id: the hover range is the annotated id', async () => {
    const { hovers } = await hoversAt('src/checkout.ts', '@need fast-checkout', '@need '.length);
    const ours = hovers.find(
      (h) =>
        h.range !== undefined &&
        h.range.end.character - h.range.start.character === 'fast-checkout'.length,
    );
    assert.ok(ours, 'a hover whose range is the 13 characters of "fast-checkout"');
    assert.equal(ours.range?.start.character, '// @need '.length);
  });

  test('on a line with several ids, each id shows its own need', async () => {
    const second = await hoversAt('src/checkout.ts', 'saved-cards', 1);
    const text = hoverWith(second.texts, 'Cards are remembered');
    assert.match(text, /Medium priority/);
    assert.match(text, /Why do I type my card every time\\\?/);
    assert.ok(!second.texts.some((t) => t.includes('Checkout feels instant')));

    const first = await hoversAt(
      'src/checkout.ts',
      '@need fast-checkout, saved-cards',
      '@need '.length + 1,
    );
    hoverWith(first.texts, 'Checkout feels instant');
  });

  test('an unknown id and plain code show no need', async () => {
    const unknown = await hoversAt('src/checkout.ts', 'no-such-need', 2);
    assert.deepEqual(
      unknown.texts.filter((t) => t.includes('priority')),
      [],
    );
    const plain = await hoversAt('src/checkout.ts', 'payNow', 1);
    assert.deepEqual(
      plain.texts.filter((t) => t.includes('priority')),
      [],
    );
  });

  test('escapes needs-file text: no links, HTML or emphasis from the file', async () => {
    const { texts, hovers } = await hoversAt(
      'src/checkout.ts',
      '@need hostile-text',
      '@need '.length + 1,
    );
    const text = hoverWith(texts, 'Sneaky');
    assert.ok(text.includes('\\[click me\\]\\(command\\:workbench\\.action\\.quit\\)'), text);
    assert.ok(text.includes('\\<b\\>bold\\<\\/b\\>'), text);
    assert.ok(text.includes('\\*stars\\*'), text);
    assert.ok(text.includes('\\<img src\\=x onerror\\=alert\\(1\\)\\>'), text);
    assert.ok(text.includes('\\`code\\`'), text);
    for (const h of hovers) {
      for (const c of h.contents) {
        if (typeof c !== 'string' && 'isTrusted' in c && c.value.includes('Sneaky')) {
          assert.ok(!c.isTrusted, 'hover Markdown must not be trusted');
          assert.ok(!c.supportHtml, 'hover Markdown must not render HTML');
        }
      }
    }
  });

  test('a needs file in a sub-folder applies to that folder', async () => {
    const { texts } = await hoversAt(
      'packages/admin/src/refunds.ts',
      '@need audit-trail',
      '@need '.length + 1,
    );
    const text = hoverWith(texts, 'Every refund leaves a trail');
    assert.match(text, /Critical priority/);
    assert.ok(text.includes('Who refunded this order\\, and why\\?'), text);
  });
});
