import * as assert from 'node:assert/strict';
import { activeApi, until } from '../helpers';
import { hoverTexts, lensesOf, PAY_LENSES, setSetting } from './util';

// Settings take effect without a reload: each test changes one in the
// workspace, checks what VS Code shows, and puts it back.
suite('Settings without a reload', () => {
  suiteSetup(async () => (await activeApi()).ready());

  test('hover.enabled false hides our hovers', async () => {
    await setSetting('hover.enabled', false);
    try {
      await until(
        () => hoverTexts('src/checkout/pay.ts', 'const savedCard', 8),
        (h) => h.texts.length === 0,
        'no hover',
      );
    } finally {
      await setSetting('hover.enabled', undefined);
    }
    const { texts } = await hoverTexts('src/checkout/pay.ts', 'const savedCard', 8);
    assert.equal(texts.length, 1);
  });

  test('inlineMinimumPriority hides lower needs from hovers and CodeLens', async () => {
    await until(
      () => lensesOf('src/checkout/pay.ts'),
      (l) => l.length === 4,
      'all lenses',
      30_000,
    );
    await setSetting('inlineMinimumPriority', 'high');
    try {
      const lenses = await until(
        () => lensesOf('src/checkout/pay.ts'),
        (l) => l.length === 2,
        'only the high lenses',
      );
      assert.deepEqual(lenses, [PAY_LENSES[0], PAY_LENSES[2]]);
      const annotation = await hoverTexts('src/checkout/pay.ts', '@need saved-cards', 8);
      assert.deepEqual(annotation.texts, []);
      const keyword = await hoverTexts('src/checkout/pay.ts', 'const savedCard', 8);
      assert.equal(keyword.texts.length, 1);
    } finally {
      await setSetting('inlineMinimumPriority', undefined);
    }
    assert.deepEqual(
      await until(
        () => lensesOf('src/checkout/pay.ts'),
        (l) => l.length === 4,
        'lenses back',
      ),
      PAY_LENSES,
    );
  });

  test('codeLens.enabled false removes the lenses', async () => {
    await setSetting('codeLens.enabled', false);
    try {
      await until(
        () => lensesOf('src/checkout/pay.ts'),
        (l) => l.length === 0,
        'no lenses',
      );
    } finally {
      await setSetting('codeLens.enabled', undefined);
    }
    await until(
      () => lensesOf('src/checkout/pay.ts'),
      (l) => l.length === 4,
      'lenses back',
    );
  });
});
