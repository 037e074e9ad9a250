import * as assert from 'node:assert/strict';
import { hoversAt, hoverWith } from '../helpers';

// Expected texts follow the hover the README describes: the customer's words, then the
// title with its priority; every needs-file text escaped.
suite('Hover on @need annotations', () => {
  test('shows the title, priority and the customer quote of the need', async () => {
    const { texts } = await hoversAt('src/checkout.ts', '@need fast-checkout', 8);
    const text = hoverWith(texts, 'Checkout feels instant');
    assert.ok(text.includes('**Checkout feels instant** — high'), text);
    assert.ok(text.includes('“I just want to pay and go.”'), text);
  });

  test('covers exactly the id: the hover range is the annotated id', async () => {
    const { hovers } = await hoversAt('src/checkout.ts', '@need fast-checkout', 6);
    const ours = hovers.find((h) => h.range?.start.character === '// @need '.length);
    assert.ok(ours, 'a hover that starts at the id');
    assert.equal(ours.range?.end.character, '// @need fast-checkout'.length);
  });

  test('on a line with several ids, each id shows its own need', async () => {
    const second = await hoversAt('src/checkout.ts', 'saved-cards', 1);
    const text = hoverWith(second.texts, 'Cards are remembered');
    assert.ok(text.includes('**Cards are remembered** — medium'), text);
    assert.ok(text.includes('“Why do I type my card every time?”'), text);
    assert.ok(!second.texts.some((t) => t.includes('Checkout feels instant')));

    const first = await hoversAt('src/checkout.ts', '@need fast-checkout, saved-cards', 7);
    hoverWith(first.texts, 'Checkout feels instant');
  });

  test('an unknown id and plain code show no need', async () => {
    const unknown = await hoversAt('src/checkout.ts', 'no-such-need', 2);
    assert.deepEqual(
      unknown.texts.filter((t) => t.includes('**')),
      [],
    );
    const plain = await hoversAt('src/checkout.ts', 'payNow', 1);
    assert.deepEqual(
      plain.texts.filter((t) => t.includes('**')),
      [],
    );
  });

  test('escapes needs-file text: no links, HTML or emphasis from the file', async () => {
    const { texts, hovers } = await hoversAt('src/checkout.ts', '@need hostile-text', 7);
    const text = hoverWith(texts, 'Sneaky');
    // Brackets escaped: never a (command) link. Angle brackets escaped: never HTML.
    assert.ok(text.includes('\\[click me\\]'), text);
    assert.ok(!text.includes(' [click me]'), text);
    assert.ok(text.includes('\\<b\\>bold\\</b\\>'), text);
    assert.ok(text.includes('\\*stars\\*'), text);
    assert.ok(text.includes('\\<img src=x onerror=alert(1)\\>'), text);
    assert.ok(text.includes('\\`code\\` and \\_underscores\\_'), text);
    for (const h of hovers) {
      for (const c of h.contents) {
        if (typeof c !== 'string' && 'isTrusted' in c && c.value.includes('Sneaky')) {
          // Only the extension's own "open the need" command may run from it.
          assert.deepEqual(c.isTrusted, { enabledCommands: ['outside-in.openNeed'] });
          assert.ok(!c.supportHtml, 'hover Markdown must not render HTML');
        }
      }
    }
  });

  test('a needs file in a sub-folder applies to that folder', async () => {
    const { texts } = await hoversAt('packages/admin/src/refunds.ts', '@need audit-trail', 7);
    const text = hoverWith(texts, 'Every refund leaves a trail');
    assert.ok(text.includes('**Every refund leaves a trail** — critical'), text);
    assert.ok(text.includes('“Who refunded this order, and why?”'), text);
  });

  test('an id the nearest needs file lacks comes from the one above it', async () => {
    const { texts } = await hoversAt('packages/admin/src/refunds.ts', '@need fast-checkout', 7);
    hoverWith(texts, 'Checkout feels instant');
  });
});
