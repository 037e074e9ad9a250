import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, until } from '../helpers';
import { lensesOf, open, PAY_LENSES } from './util';

suite('CodeLens', () => {
  suiteSetup(async () => (await activeApi()).ready());

  test('the file by path at the top; above each method or function, the needs it touches', async () => {
    // TypeScript's symbols arrive once its server is up: poll for them.
    const lenses = await until(
      () => lensesOf('src/checkout/pay.ts'),
      (l) => l.length === PAY_LENSES.length,
      'the CodeLenses of pay.ts',
      30_000,
    );
    assert.deepEqual(lenses, PAY_LENSES);
  });

  test('a lens lists its needs; the class holding the methods gets none of its own', async () => {
    const document = await open('src/checkout/pay.ts');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
      'vscode.executeCodeLensProvider',
      document.uri,
    );
    const remember = lenses.find((l) => l.range.start.line === 4);
    assert.deepEqual(remember?.command?.arguments, [
      [
        {
          needsFile: document.uri
            .with({ path: document.uri.path.replace('src/checkout/pay.ts', 'customer-needs.yaml') })
            .toString(),
          id: 'saved-cards',
        },
      ],
    ]);
    assert.ok(!lenses.some((l) => l.range.start.line === 2));
  });

  test('an annotation above a function, and a file with no path link', async () => {
    const lenses = await until(
      () => lensesOf('src/cart/summary.ts'),
      (l) => l.length === 1,
      'the CodeLens of summary.ts',
      30_000,
    );
    // `wallet` on line 7 is in no function: no lens for it.
    assert.deepEqual(lenses, ['3: Customer needs: Checkout feels instant (high)']);
  });
});
