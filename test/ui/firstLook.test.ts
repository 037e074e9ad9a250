/**
 * A reviewer's first look at the Review Checklist, in a 1400x900 window on a
 * workspace no test has opened before (so no remembered layout helps): run
 * "Outside-In: Review Checklist" on a commit range typed as two full commit
 * ids, as pasted from a pull request, and read the first need without
 * scrolling, collapsing or resizing anything. Its title, the customer's words
 * and its first question's checkbox must lie whole inside the window and
 * inside the view's visible list; the view's message names the range with
 * short revisions only.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { gitIn, writeIn } from '../integration/checklist/gitRepository';
import { checklistPane, freshFolder, retry, runCommand, useWorkbench } from './workbench';

// The first need (critical, so it comes first), as a team would write it:
// the customer's words, evidence, two signals, then the questions.
const TITLE = "I don't have to type my card every time";
const QUOTE = 'Why do I have to dig my card out of my wallet every single time?';
const FIRST_QUESTION = 'Is the default saved card still preselected on the payment step?';

const NEEDS = `version: 1
product: Acme Shop
personas:
  shopper:
    name: Returning shopper
values:
  - id: honest-errors
    statement: We tell customers plainly what went wrong, whether they were charged, and what happens next.
    review:
      - Does each new error message say what happened and what to do next?
needs:
  - id: saved-cards
    title: "${TITLE}"
    persona: shopper
    priority: critical
    quote: "${QUOTE}"
    evidence:
      - source: Support tickets 2026-Q2
        kind: ticket
        date: 2026-06-30
    signals:
      - Shoppers who save a card reorder within 60 days 41% of the time, against 18% without
      - 1 in 4 payment steps on a phone is abandoned while typing the card number
    match:
      paths: ['src/checkout/**']
    review:
      - ${FIRST_QUESTION}
      - Can the customer see and remove their saved cards without contacting us?
  - id: search-finds
    title: Search finds what I typed
    persona: shopper
    priority: medium
    quote: "I typed 'sneakers' and got nothing."
    match:
      keywords: [search]
    review:
      - Does a typo still find the product?
`;

/** A fresh folder, a repository with two commits, and the two full commit ids. */
function makeRepository(): { folder: string; base: string; head: string } {
  const { folder } = freshFolder('first-look');
  writeIn(folder, 'customer-needs.yaml', NEEDS);
  writeIn(folder, 'src/checkout/savedCards.ts', 'export const savedCards: string[] = [];\n');
  writeIn(folder, 'src/search.ts', 'export const search = (q: string): string => q;\n');
  gitIn(folder, 'init', '-q', '-b', 'main');
  gitIn(folder, 'add', '-A');
  gitIn(folder, 'commit', '-q', '-m', 'The shop');
  const base = gitIn(folder, 'rev-parse', 'HEAD').trim();
  writeIn(
    folder,
    'src/checkout/savedCards.ts',
    'export const savedCards: string[] = [];\nexport const preselected = 0;\n',
  );
  writeIn(folder, 'src/search.ts', 'export const search = (q: string): string => q.trim();\n');
  gitIn(folder, 'commit', '-q', '-am', 'Preselect the first saved card; trim searches');
  const head = gitIn(folder, 'rev-parse', 'HEAD').trim();
  return { folder, base, head };
}

interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where `text` is laid out in a row of the Review Checklist view, as the
 * browser measures the characters themselves: a label cut off with an
 * ellipsis still lays its characters out past the clip, so a cut quote is not
 * "inside". The view's pane is found as `checklistPane` finds it.
 */
async function textBox(page: Page, text: string): Promise<Box> {
  // Runs in the browser; a string, because this project's TypeScript has no DOM types.
  const box = (await page.evaluate(`(() => {
    const text = ${JSON.stringify(text)};
    const pane = [...document.querySelectorAll('.pane')].find(
      (p) => p.querySelector('.pane-header h3.title')?.textContent === 'Review Checklist');
    for (const row of pane?.querySelectorAll('.pane-body .monaco-list-row') ?? []) {
      const walker = document.createTreeWalker(row, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(text);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const r = range.getBoundingClientRect();
        return { x: r.left, y: r.top, width: r.width, height: r.height };
      }
    }
    return undefined;
  })()`)) as Box | undefined;
  if (box === undefined) throw new Error(`"${text}" is in no row of the Review Checklist`);
  return box;
}

async function boxOf(locator: Locator, what: string): Promise<Box> {
  const box = await locator.boundingBox();
  if (box === null) throw new Error(`${what} is not laid out`);
  return box;
}

function assertInside(inner: Box, outer: Box, what: string, where: string): void {
  const inside =
    inner.width > 0 &&
    inner.height > 0 &&
    inner.x >= outer.x - 0.5 &&
    inner.y >= outer.y - 0.5 &&
    inner.x + inner.width <= outer.x + outer.width + 0.5 &&
    inner.y + inner.height <= outer.y + outer.height + 0.5;
  assert.ok(
    inside,
    `${what} ${JSON.stringify(inner)} is not whole inside ${where} ${JSON.stringify(outer)}`,
  );
}

suite('UI: the first look at the Review Checklist', () => {
  let repo: { folder: string; base: string; head: string } | undefined;
  const workbenchPage = useWorkbench(() => {
    repo = makeRepository();
    return { folder: repo.folder };
  });

  test('after a review of a commit range, the first need reads whole without scrolling, in short revisions', async () => {
    const page = workbenchPage();
    if (repo === undefined) throw new Error('No repository.');
    const { base, head } = repo;
    const window: Box = { x: 0, y: 0, ...(page.viewportSize() ?? { width: 0, height: 0 }) };
    assert.deepEqual(window, { x: 0, y: 0, width: 1400, height: 900 });

    await runCommand(page, 'Outside-In: Review Checklist');
    const range = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Commit range' });
    await range.first().waitFor({ timeout: 30_000 });
    await range.first().click();
    const input = page.locator('.quick-input-widget input');
    await page
      .locator('.quick-input-widget', { hasText: 'Review Checklist: commit range' })
      .waitFor({ timeout: 10_000 });
    await input.fill(`${base}...${head}`);
    await page.keyboard.press('Enter');

    // The view, wherever the command put it; its message first, so nothing moves after.
    const pane = checklistPane(page);
    const message = pane.locator('.pane-body .message');
    let text = '';
    await retry(
      async () => {
        text = await message.innerText({ timeout: 1_000 });
        if (!text.includes('changed files')) throw new Error(`message: ${text}`);
      },
      "the view's message",
      60_000,
    );
    const titleRow = pane.locator('.monaco-list-row', { hasText: TITLE }).first();
    await titleRow.waitFor({ timeout: 30_000 });
    const questionRow = pane.locator('.monaco-list-row', { hasText: FIRST_QUESTION }).first();
    await questionRow.waitFor({ state: 'attached', timeout: 10_000 }).catch(() => {
      throw new Error('The first question is not even drawn: it is below the view.');
    });
    const list = await boxOf(pane.locator('.pane-body .monaco-list').first(), 'The checklist');

    const shown = [
      { what: 'The need title', box: await textBox(page, TITLE) },
      { what: 'The quote', box: await textBox(page, `“${QUOTE}”`) },
      {
        what: "The first question's checkbox",
        box: await boxOf(
          questionRow.locator('.custom-view-tree-node-item-checkbox'),
          "The first question's checkbox",
        ),
      },
      { what: 'The first question', box: await textBox(page, FIRST_QUESTION) },
    ];
    for (const { what, box } of shown) {
      assertInside(box, window, what, 'the window');
      assertInside(box, list, what, "the view's visible list");
    }

    // The message names the range as typed, in short ids (never a 40-hex run), as the header does.
    const short = `${base.slice(0, 12)}...${head.slice(0, 12)}`;
    assert.doesNotMatch(text, /[0-9a-f]{40}/, text);
    assert.ok(
      text.startsWith(`${short}: `),
      `the message names the range in 12-digit ids: ${text}`,
    );
    const header = (await pane.locator('.pane-header').getAttribute('aria-label')) ?? '';
    assert.ok(
      header.includes(` ${short}`),
      `the header names the range in 12-digit ids: ${header}`,
    );
    assert.doesNotMatch(header, /[0-9a-f]{40}/, header);

    // The screenshot in README.md: the reviewer opens the reason of the first need.
    await pane
      .locator('.monaco-list-row', { hasText: 'src/checkout/savedCards.ts' })
      .first()
      .click();
    await page
      .locator('.tabs-container .tab.active', { hasText: 'savedCards.ts' })
      .waitFor({ timeout: 15_000 });
    await page.mouse.move(5, 5);
    // Into test-results/ on every run; docs/ only when asked, so a test run leaves the tree clean.
    const shot = process.env.OUTSIDE_IN_UPDATE_SCREENSHOTS
      ? path.join(process.cwd(), 'docs', 'checklist.png')
      : path.join(process.cwd(), 'test-results', 'checklist.png');
    // The side bar, the editor and the panel; not the secondary side bar (a chat, here).
    const right = (await page.locator('.part.auxiliarybar').boundingBox())?.x ?? window.width;
    await page.screenshot({
      path: shot,
      clip: { x: 0, y: 0, width: right, height: window.height },
    });
  });
});
