import * as assert from 'node:assert/strict';
import { hoverText, openFile, retry, useWorkbench } from './workbench';

suite('UI: the workbench with Outside-In', () => {
  const workbenchPage = useWorkbench();

  test('hovering an annotated line shows the need title in .monaco-hover', async () => {
    await openFile(workbenchPage(), 'checkout.ts');
    const text = await hoverText(workbenchPage(), 'fast-checkout', 'Checkout feels instant');
    assert.ok(text.includes('Checkout feels instant'), text);
    assert.ok(text.includes('I just want to pay and go.'), text);
    // Rendered Markdown: the title is bold text, not asterisks.
    assert.ok(!text.includes('**'), text);
  });

  test('the command palette offers Outside-In: Reload Needs Files', async () => {
    const page = workbenchPage();
    await page.keyboard.press('Escape');
    const input = page.locator('.quick-input-widget input');
    await retry(async () => {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 2_000 });
    }, 'the command palette');
    await input.fill('>Outside-In: Reload');
    await page
      .locator('.quick-input-list .monaco-list-row', { hasText: 'Outside-In: Reload Needs Files' })
      .first()
      .waitFor({ timeout: 15_000 });
    await page.keyboard.press('Escape');
  });
});
