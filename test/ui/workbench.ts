/**
 * Driving the real workbench (code-server, started by scripts/run-ui-tests.mjs)
 * in Debian's Chromium. Selectors verified on VS Code 1.139.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { chromium } from 'playwright-core';

export interface Workbench {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

function env(name: string): string {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`${name} is not set: run the UI tests with \`npm run test:ui\`.`);
  }
  return value;
}

const WORKBENCH_URLS = {
  basic: 'OUTSIDE_IN_WORKBENCH_URL',
  xss: 'OUTSIDE_IN_WORKBENCH_URL_XSS',
  shop: 'OUTSIDE_IN_WORKBENCH_URL_SHOP',
  // The checklist fixture on a second code-server with workspace trust on, so it opens untrusted.
  restricted: 'OUTSIDE_IN_WORKBENCH_URL_RESTRICTED',
} as const;

export type Fixture = keyof typeof WORKBENCH_URLS;

/** The folder on disk that the workbench of `fixture` opens (the runner's fresh copy). */
export function fixtureFolder(fixture: Fixture): string {
  const folder = new URL(env(WORKBENCH_URLS[fixture])).searchParams.get('folder');
  if (folder === null) throw new Error(`${WORKBENCH_URLS[fixture]} names no folder.`);
  return folder;
}

/**
 * A new, empty folder for one suite, opened by the same code-server as the
 * `basic` fixture: a workspace no other test has opened, so none of the
 * layout VS Code remembers per workspace (sizes, collapsed sections) carries over.
 */
export function freshFolder(name: string): { readonly folder: string } {
  return { folder: fs.mkdtempSync(path.join(env('OUTSIDE_IN_SESSION_DIR'), `${name}-`)) };
}

function workbenchUrl(where: Fixture | { readonly folder: string }): string {
  if (typeof where === 'string') return env(WORKBENCH_URLS[where]);
  const url = new URL(env(WORKBENCH_URLS.basic));
  url.searchParams.set('folder', where.folder);
  return url.toString();
}

/**
 * Opens the workbench on a fixture workspace (`basic`; `xss`, the hostile
 * needs text; `shop`, a copy of examples/shop; `restricted`, the checklist
 * fixture in Restricted Mode) or on a folder of `freshFolder`, and waits until it is there.
 */
export async function openWorkbench(
  where: Fixture | { readonly folder: string } = 'basic',
): Promise<Workbench> {
  const profile = fs.mkdtempSync(path.join(env('OUTSIDE_IN_SESSION_DIR'), 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.OUTSIDE_IN_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: (process.env.OUTSIDE_IN_CHROMIUM_ARGS ?? '').split(' ').filter((a) => a !== ''),
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(workbenchUrl(where));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return { context, page, close: () => context.close() };
}

/** Quick Open (Ctrl+P) a file of the workspace by name, and wait for its editor. */
export async function openFile(page: Page, name: string): Promise<void> {
  // The workbench takes keyboard focus a moment after it appears: retry until Quick Open shows.
  const input = page.locator('.quick-input-widget input');
  await retry(async () => {
    await page.keyboard.press('Control+P');
    await input.waitFor({ state: 'visible', timeout: 2_000 });
  }, 'Quick Open to appear');
  await input.fill(name);
  // The first row may still be a recently opened file until the search answers: wait for ours.
  await page
    .locator('.quick-input-list .monaco-list-row', { hasText: name })
    .first()
    .waitFor({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await page
    .locator('.tabs-container .tab.active', { hasText: name })
    .first()
    .waitFor({ timeout: 15_000 });
  await page
    .locator('.editor-instance .monaco-editor .view-lines .view-line', { hasText: '' })
    .first()
    .waitFor({ timeout: 15_000 });
}

/** Runs a command by its title from the command palette (F1). */
export async function runCommand(page: Page, title: string): Promise<void> {
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

/**
 * The Review Checklist view's pane, wherever it is: alone in its panel
 * container its header is hidden, but still there with the view's name.
 */
export function checklistPane(page: Page): Locator {
  return page
    .locator('.pane')
    .filter({ has: page.locator('.pane-header h3.title', { hasText: /^Review Checklist$/ }) });
}

/**
 * Maximizes the panel, where the Review Checklist is, so that its tree draws
 * every row of a longer checklist (a tree draws only the rows in view). Does
 * nothing when the panel already fills most of the window.
 */
export async function roomForTheChecklist(page: Page): Promise<void> {
  const tall = async (): Promise<boolean> => {
    const [panel, window] = [await page.locator('.part.panel').boundingBox(), page.viewportSize()];
    return panel !== null && window !== null && panel.height > window.height / 2;
  };
  if (await tall()) return;
  await runCommand(page, 'View: Toggle Maximized Panel');
  await retry(async () => {
    if (!(await tall())) throw new Error('the panel is not maximized');
  }, 'the panel to fill the window');
}

/** Finds `word` in the visible editor lines and returns the centre of its first occurrence. */
async function wordCentre(page: Page, word: string): Promise<{ x: number; y: number } | undefined> {
  // Runs in the browser; a string, because this project's TypeScript has no DOM types.
  const script = `(() => {
    const word = ${JSON.stringify(word)};
    const lines = document.querySelectorAll('.editor-instance .monaco-editor .view-lines .view-line');
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent.indexOf(word);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return undefined;
  })()`;
  return page.evaluate(script) as Promise<{ x: number; y: number } | undefined>;
}

/** Moves the mouse onto `word` until a hover shows; returns the hover's text. */
export async function hoverText(page: Page, word: string, expected: string): Promise<string> {
  const hover = page.locator('.monaco-hover:not(.hidden)');
  let text = '';
  await retry(async () => {
    const at = await wordCentre(page, word);
    if (at === undefined) throw new Error(`"${word}" is not on screen`);
    // Leave and come back: a hover is shown on a mouse move onto a new word.
    await page.mouse.move(5, 5);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await hover.filter({ hasText: expected }).first().waitFor({ state: 'visible', timeout: 3_000 });
    text = await hover.filter({ hasText: expected }).first().innerText();
  }, `a hover with "${expected}" over "${word}"`);
  return text;
}

/** Retries `attempt` until it resolves, for at most `ms`; UI state has no event to wait on. */
export async function retry(
  attempt: () => Promise<void>,
  what: string,
  ms = 30_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      await attempt();
      return;
    } catch (e) {
      last = e;
    }
  }
  throw new Error(`Gave up after ${ms / 1000} s waiting for ${what}: ${String(last)}`);
}

/** Saves a screenshot under test-results/ when the current test failed. */
export async function screenshotIfFailed(
  ctx: Mocha.Context,
  page: Page | undefined,
): Promise<void> {
  const test = ctx.currentTest;
  if (page === undefined || test === undefined || test.state !== 'failed') return;
  const dir = process.env.OUTSIDE_IN_RESULTS_DIR ?? 'test-results';
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${test.fullTitle().replace(/[^A-Za-z0-9]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  console.log(`    screenshot: ${file}`);
}

/**
 * One workbench on `fixture` for the suite this is called in: opened after
 * `prepare` (a git repository, say), a screenshot of each failed test, closed
 * at the end. `fixture` may instead make a folder (with `freshFolder`) when the
 * suite starts, for a workspace of its own. Returns the page's getter, for use
 * once the suite has started.
 */
export function useWorkbench(
  fixture: Fixture | (() => { readonly folder: string }) = 'basic',
  prepare?: () => void,
): () => Page {
  let workbench: Workbench | undefined;
  const name = typeof fixture === 'string' ? fixture : 'fresh';
  suiteSetup(async () => {
    prepare?.();
    workbench = await openWorkbench(typeof fixture === 'string' ? fixture : fixture());
  });
  teardown(async function () {
    await screenshotIfFailed(this, workbench?.page);
  });
  suiteTeardown(async () => {
    await workbench?.close();
  });
  return () => {
    if (workbench === undefined) throw new Error(`The ${name} workbench did not open.`);
    return workbench.page;
  };
}
