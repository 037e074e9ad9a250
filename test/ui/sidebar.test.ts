import * as assert from 'node:assert/strict';
import { useWorkbench } from './workbench';

// The basic fixture: customer-needs.yaml (fast-checkout high, saved-cards medium
// and assumed, hostile-text low) and packages/admin/customer-needs.yaml
// (audit-trail critical); src/checkout.ts annotates three of them.
suite('UI: the Outside-In sidebar', () => {
  const workbenchPage = useWorkbench();

  test('the activity bar opens Customer Needs, grouped by priority, with badges', async () => {
    const page = workbenchPage();
    const icon = page.locator('.part.activitybar [aria-label^="Outside-In"]').first();
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    // The only view of its container: VS Code shows it under the container's title, without a header.
    const sidebar = page.locator('.part.sidebar');
    await sidebar
      .locator('.composite.title', { hasText: 'Customer Needs' })
      .first()
      .waitFor({ timeout: 30_000 });
    const row = (text: string) => sidebar.locator('.monaco-list-row', { hasText: text }).first();
    for (const title of [
      'Critical',
      'Every refund leaves a trail',
      'High',
      'Checkout feels instant',
      'Medium',
      'Cards are remembered',
    ]) {
      await row(title).waitFor({ timeout: 30_000 });
    }
    // The customer's words beside the title, and an assumption said as such.
    const checkout = await row('Checkout feels instant').innerText();
    assert.ok(checkout.includes('I just want to pay and go.'), checkout);
    const cards = await row('Cards are remembered').innerText();
    assert.ok(cards.includes('assumption'), cards);
    // Needs-file text is shown literally, never as a link.
    const hostile = row('Sneaky');
    assert.ok((await hostile.innerText()).includes('[click me](command:'));
    assert.equal(await hostile.locator('a[href]').count(), 0);
  });

  test('a need expands to its files; opening one shows its count in the status bar', async () => {
    const page = workbenchPage();
    const sidebar = page.locator('.part.sidebar');
    const need = sidebar.locator('.monaco-list-row', { hasText: 'Checkout feels instant' }).first();
    await need.locator('.monaco-tl-twistie').click();
    // Expanding asks the workspace index, which scans the workspace once.
    const file = sidebar.locator('.monaco-list-row', { hasText: 'checkout.ts' }).first();
    await file.waitFor({ timeout: 30_000 });
    await file.click();
    await page
      .locator('.tabs-container .tab.active', { hasText: 'checkout.ts' })
      .waitFor({ timeout: 15_000 });
    // Other UI suites may add needs to this workspace: the count, not its exact value.
    await page
      .locator('.part.statusbar .statusbar-item', { hasText: /\b\d+ needs?\b/ })
      .first()
      .waitFor({ timeout: 15_000 });
  });
});
