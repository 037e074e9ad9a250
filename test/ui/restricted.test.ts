/**
 * Restricted Mode in the real workbench, and the moment trust is granted: the
 * folder (the checklist fixture, a git repository with a change) opens
 * untrusted on a code-server with workspace trust on (scripts/run-ui-tests.mjs
 * starts it for this test). The Review Checklist says why it is empty and
 * builds nothing; then trust is granted as a user does it, with clicks, since
 * VS Code has no API for it; and the same window reviews the change. Last,
 * trust is taken back (VS Code reloads the window for that) and granted again:
 * the review comes back in the view without the command being run.
 */
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { makeChecklistRepository } from '../integration/checklist/gitRepository';
import {
  checklistPane,
  fixtureFolder,
  retry,
  roomForTheChecklist,
  runCommand,
  useWorkbench,
} from './workbench';

// Written from package.json's viewsWelcome and src/vscode/checklist/git.ts, by hand.
const RESTRICTED_WELCOME = 'Restricted Mode: the Review Checklist reads the change with git';
const TRUSTED_WELCOME = 'List the customer needs a change touches';
const RESTRICTED_WARNING =
  'Outside-In: Restricted Mode: the Review Checklist reads the change with git';
const MANAGE = 'Manage Workspace Trust';
// makeChecklistRepository leaves src/search/query.ts changed and src/wrap.ts
// new ("gift wrap"): the uncommitted changes touch search-finds (critical) and
// gift-wrap (low), in that order, then the standing values. The branch's own
// commit (fast-checkout, saved-cards) is not uncommitted.
const UNCOMMITTED_TOP_ROWS = [
  'Search finds what I typed',
  'Gift wrap is offered',
  'Standing values',
];
const QUESTIONS = ['Does a typo still find the product?', 'Is gift wrap still optional?'];

function welcome(page: Page): Locator {
  return checklistPane(page).locator('.welcome-view-content');
}

/** The notifications centre, opened or closed with the status bar's bell, as a user does. */
async function notificationsCentre(page: Page, open: boolean): Promise<Locator> {
  const centre = page.locator('.notifications-center.visible');
  if ((await centre.isVisible()) !== open)
    await page.locator('[id="status.notifications"]').click();
  await centre.waitFor({ state: open ? 'visible' : 'hidden', timeout: 10_000 });
  return centre;
}

/** The labels of the checklist's top rows (needs, then standing values), once it shows `expected`. */
async function topRows(page: Page, expected: readonly string[]): Promise<string[]> {
  let labels: string[] = [];
  await retry(
    async () => {
      await roomForTheChecklist(page);
      labels = await checklistPane(page)
        .locator('.monaco-list-row[aria-level="1"] .label-name')
        .allInnerTexts();
      if (JSON.stringify(labels) !== JSON.stringify(expected))
        throw new Error(`top rows: ${JSON.stringify(labels)}`);
    },
    'the checklist of the uncommitted changes',
    60_000,
  );
  return labels;
}

/** VS Code's own indication: the status bar item and the banner. */
async function assertRestricted(page: Page): Promise<void> {
  await page
    .locator('[id="status.workspaceTrust"]', { hasText: 'Restricted Mode' })
    .waitFor({ timeout: 30_000 });
  await page
    .locator('.part.banner', { hasText: 'Restricted Mode is intended for safe code browsing' })
    .waitFor({ timeout: 30_000 });
}

/** Grants trust as a user does: the view's button, then Trust in the trust editor. */
async function grantTrust(page: Page): Promise<void> {
  await welcome(page).locator('.monaco-button', { hasText: MANAGE }).click();
  const editor = page.locator('.workspace-trust-editor');
  await page.locator('.workspace-trust-editor.untrusted').waitFor({ timeout: 30_000 });
  // VS Code 1.139 grants trust at this click: no confirmation dialog.
  await editor.locator('.workspace-trust-buttons .monaco-button', { hasText: /^Trust$/ }).click();
  await page.locator('.workspace-trust-editor.trusted').waitFor({ timeout: 30_000 });
  await page.locator('[id="status.workspaceTrust"]').waitFor({ state: 'hidden', timeout: 30_000 });
  await page.locator('.part.banner', { hasText: 'Restricted Mode' }).waitFor({ state: 'hidden' });
  // The trust editor opens as a modal editor; close it as a user would.
  await page.locator('.action-label[aria-label^="Close Modal Editor"]').click();
  await editor.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Whether the window is the one `marker` was set in: a reload drops it. */
async function sameWindow(page: Page, marker: string): Promise<void> {
  assert.equal(await page.evaluate('window.outsideInMarker'), marker, 'the window reloaded');
}

suite('UI: Restricted Mode and granting trust', function () {
  // Three windows' worth of waiting on a busy machine: the trust editor, git, the checklist.
  this.timeout(240_000);
  const workbenchPage = useWorkbench('restricted', () =>
    makeChecklistRepository(fixtureFolder('restricted')),
  );

  test('untrusted: the Review Checklist says why in its view and a warning, and builds nothing', async () => {
    const page = workbenchPage();
    await assertRestricted(page);

    await runCommand(page, 'Focus on Review Checklist View');
    await welcome(page).filter({ hasText: RESTRICTED_WELCOME }).waitFor({ timeout: 60_000 });
    await welcome(page).locator('.monaco-button', { hasText: MANAGE }).waitFor();
    assert.equal(await welcome(page).filter({ hasText: TRUSTED_WELCOME }).count(), 0);

    // The smoke-test driver code-server runs with (scripts/lib/codeServer.mjs)
    // turns notification toasts off: a notification shows only in the centre.
    // Whatever start-up said goes first, so the warning can only come from the command.
    await runCommand(page, 'Notifications: Clear All Notifications');
    await runCommand(page, 'Outside-In: Review Checklist');
    const warning = page
      .locator('.notifications-center.visible')
      .locator(`.monaco-list-row[aria-label^=${JSON.stringify(`Warning: ${RESTRICTED_WARNING}`)}]`);
    // The centre, opened before the warning comes, may close again unseen (the
    // bell then reads "1 New Notification"): open it again until the warning shows.
    await retry(
      async () => {
        await notificationsCentre(page, true);
        await warning.waitFor({ timeout: 5_000 });
      },
      'the warning in the notifications centre',
      60_000,
    );
    await warning.locator('.monaco-button', { hasText: MANAGE }).waitFor();
    await notificationsCentre(page, false);
    // The command has ended (it shows the warning last, without waiting for an answer).
    assert.equal(await checklistPane(page).locator('.monaco-list-row').count(), 0);
    assert.equal(await welcome(page).filter({ hasText: RESTRICTED_WELCOME }).count(), 1);
  });

  test('trust granted in the trust editor: the same window offers the review and lists the needs', async () => {
    const page = workbenchPage();
    await page.evaluate('window.outsideInMarker = "before trust"');
    await grantTrust(page);

    await welcome(page).filter({ hasText: TRUSTED_WELCOME }).waitFor({ timeout: 60_000 });
    await welcome(page)
      .locator('.monaco-button', { hasText: /^Review Checklist$/ })
      .waitFor();
    assert.equal(await welcome(page).filter({ hasText: RESTRICTED_WELCOME }).count(), 0);

    await runCommand(page, 'Outside-In: Review Checklist');
    const pick = page.locator('.quick-input-list .monaco-list-row', {
      hasText: 'Uncommitted changes',
    });
    await pick.first().waitFor({ timeout: 30_000 });
    await pick.first().click();
    assert.deepEqual(await topRows(page, UNCOMMITTED_TOP_ROWS), UNCOMMITTED_TOP_ROWS);
    for (const question of QUESTIONS)
      await checklistPane(page)
        .locator('.monaco-list-row', { hasText: question })
        .first()
        .waitFor({ timeout: 10_000 });
    // Granting trust in code-server 4.139 does not reload the window.
    await sameWindow(page, 'before trust');
  });

  test('trust taken back and granted again: the last review comes back in the view by itself', async () => {
    const page = workbenchPage();
    // The earlier test leaves the review of the uncommitted changes on screen.
    await topRows(page, UNCOMMITTED_TOP_ROWS);

    // Taking trust back: the folder's row in the trust editor's list, Delete Path.
    await runCommand(page, 'Manage Workspace Trust');
    const folder = page.locator('.workspace-trust-editor .monaco-list-row', {
      hasText: fixtureFolder('restricted'),
    });
    await folder.waitFor({ timeout: 30_000 });
    await folder.hover();
    // VS Code reloads the window when trust is taken back.
    const reloaded = page.waitForEvent('framenavigated', {
      predicate: (frame) => frame === page.mainFrame(),
      timeout: 60_000,
    });
    await folder.locator('.action-label[aria-label="Delete Path"]').click();
    await reloaded;
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await assertRestricted(page);
    // Shown already (the side bar comes back as it was); focusing it makes sure.
    await runCommand(page, 'Focus on Review Checklist View');
    await welcome(page).filter({ hasText: RESTRICTED_WELCOME }).waitFor({ timeout: 60_000 });
    assert.equal(await checklistPane(page).locator('.monaco-list-row').count(), 0);

    await page.evaluate('window.outsideInMarker = "before trust again"');
    await grantTrust(page);
    // No command: the view, in sight when trust comes, rebuilds the review it showed last.
    assert.deepEqual(await topRows(page, UNCOMMITTED_TOP_ROWS), UNCOMMITTED_TOP_ROWS);
    // The header's label is the view's description, which reaches the workbench
    // apart from the rows: it may follow them by a moment.
    await retry(
      async () =>
        assert.match(
          (await checklistPane(page).locator('.pane-header').getAttribute('aria-label')) ?? '',
          /\.\.\.WORKTREE /,
        ),
      'the view to name the uncommitted changes',
      10_000,
    );
    await sameWindow(page, 'before trust again');
  });
});
