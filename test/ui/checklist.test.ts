/**
 * The Review Checklist as a reviewer uses it: run the command from the
 * palette, pick "Uncommitted changes", tick a question, reload the window, and
 * find it still ticked. Saves the screenshot of README.md (docs/checklist.png
 * with OUTSIDE_IN_UPDATE_SCREENSHOTS=1, else under test-results/).
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import type { Workbench } from './workbench';
import { openWorkbench, retry, screenshotIfFailed } from './workbench';

const QUESTION = 'Does the receipt still show the VAT?';

// A nested needs file, committed, and a new file that it covers, uncommitted:
// the checklist of the uncommitted changes holds this need.
const NEEDS = `version: 1
personas:
  accountant:
    name: Small-business owner
values:
  - id: honest-errors
    statement: We tell customers plainly what went wrong and what happens next.
    review:
      - Does each new error message say what happened and what to do next?
needs:
  - id: clear-receipts
    title: Receipts are easy to file
    persona: accountant
    priority: high
    quote: "I need the receipt for my tax return, not a marketing email."
    evidence:
      - source: Interviews 2026
        kind: interview
    signals:
      - 1 in 5 receipt emails is opened twice within a minute
    match:
      keywords: ["receipt"]
    review:
      - ${QUESTION}
      - Can the receipt be downloaded as a PDF?
`;

function workspace(): string {
  const dir = process.env.OUTSIDE_IN_SESSION_DIR;
  if (dir === undefined) throw new Error('Run the UI tests with `npm run test:ui`.');
  return path.join(dir, 'basic');
}

function makeRepository(): void {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Fixture',
    GIT_AUTHOR_EMAIL: 'fixture@example.com',
    GIT_COMMITTER_NAME: 'Fixture',
    GIT_COMMITTER_EMAIL: 'fixture@example.com',
  };
  const git = (...args: string[]): string =>
    execFileSync('git', args, { cwd: workspace(), env, encoding: 'utf8' });
  if (fs.existsSync(path.join(workspace(), '.git'))) return;
  const dir = path.join(workspace(), 'src', 'receipts');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'customer-needs.yaml'), NEEDS);
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'The shop');
  fs.writeFileSync(
    path.join(dir, 'email.ts'),
    "// The receipt email.\nexport const subject = 'Your receipt';\n",
  );
}

async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  // The palette lists contributed commands once the extension host has reported them.
  await retry(
    async () => {
      await page.keyboard.press('Escape');
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 2_000 });
      await input.fill(`>${title}`);
      await row.waitFor({ timeout: 5_000 });
    },
    `"${title}" in the command palette`,
    60_000,
  );
  await page.keyboard.press('Enter');
}

/** Collapses the other Source Control sections and widens the side bar, so the checklist shows whole. */
async function roomForTheChecklist(page: Page): Promise<void> {
  const others = page
    .locator('.part.sidebar .pane-header[aria-expanded="true"]:not(.hidden)')
    .filter({ hasNotText: 'Review Checklist' });
  for (let i = 0; i < 5 && (await others.count()) > 0; i++) await others.first().click();
  const sidebar = await page.locator('.part.sidebar').boundingBox();
  if (sidebar !== null) {
    const y = sidebar.y + sidebar.height / 2;
    const edge = sidebar.x + sidebar.width + 2;
    await page.mouse.move(edge, y);
    await page.mouse.down();
    await page.mouse.move(edge + 320, y, { steps: 5 });
    await page.mouse.up();
  }
}

function questionRow(page: Page): ReturnType<Page['locator']> {
  return page.locator('.monaco-list-row', { hasText: QUESTION }).first();
}

suite('UI: the Review Checklist', () => {
  let workbench: Workbench | undefined;

  suiteSetup(async () => {
    makeRepository();
    workbench = await openWorkbench();
  });

  teardown(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });

  suiteTeardown(async () => {
    await workbench?.close();
  });

  test('a ticked question stays ticked after a window reload', async () => {
    assert.ok(workbench);
    const { page } = workbench;
    await runCommand(page, 'Outside-In: Review Checklist');
    const pick = page.locator('.quick-input-list .monaco-list-row', {
      hasText: 'Uncommitted changes',
    });
    await pick.first().waitFor({ timeout: 30_000 });
    await pick.first().click();

    await page
      .locator('.part.sidebar .pane-header', { hasText: 'Review Checklist' })
      .first()
      .waitFor({ timeout: 30_000 });
    await roomForTheChecklist(page);
    const row = questionRow(page);
    await row.waitFor({ timeout: 30_000 });
    const box = row.locator('.custom-view-tree-node-item-checkbox');
    assert.equal(await box.getAttribute('aria-checked'), 'false');
    await box.click();
    await page
      .locator('.monaco-list-row', { hasText: QUESTION })
      .locator('.custom-view-tree-node-item-checkbox[aria-checked="true"]')
      .waitFor({ timeout: 10_000 });

    // The screenshot in README.md: the Source Control side bar with the checklist.
    await page.mouse.move(5, 5);
    const sidebar = page.locator('.part.sidebar');
    // Into test-results/ on every run; docs/ only when asked, so a test run leaves the tree clean.
    const shot = process.env.OUTSIDE_IN_UPDATE_SCREENSHOTS
      ? path.join(process.cwd(), 'docs', 'checklist.png')
      : path.join(process.cwd(), 'test-results', 'checklist.png');
    await sidebar.screenshot({ path: shot });

    await page.reload();
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // Show the view (restored with the side bar, or by its focus command); the
    // checklist itself comes back from the extension's workspace state.
    await retry(
      async () => {
        if (!(await questionRow(page).isVisible()))
          await runCommand(page, 'Focus on Review Checklist View');
        await questionRow(page).waitFor({ timeout: 5_000 });
      },
      'the checklist after the reload',
      60_000,
    );
    await questionRow(page)
      .locator('.custom-view-tree-node-item-checkbox[aria-checked="true"]')
      .waitFor({ timeout: 10_000 });
  });
});
