import * as assert from 'node:assert/strict';
import type { Workbench } from './workbench';
import { hoverText, openFile, openWorkbench, retry, screenshotIfFailed } from './workbench';

suite('UI: the workbench with Outside-In', () => {
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    workbench = await openWorkbench();
  });

  teardown(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('hovering an annotated line shows the need title in .monaco-hover', async () => {
    assert.ok(workbench);
    await openFile(workbench.page, 'checkout.ts');
    const text = await hoverText(workbench.page, 'fast-checkout', 'Checkout feels instant');
    assert.ok(text.includes('Checkout feels instant'), text);
    assert.ok(text.includes('I just want to pay and go.'), text);
    // Rendered Markdown: the title is bold text, not asterisks.
    assert.ok(!text.includes('**'), text);
  });

  test('the command palette offers Outside-In: Reload Needs Files', async () => {
    assert.ok(workbench);
    const { page } = workbench;
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
