/**
 * Hostile needs text in the real workbench: the xss fixture's needs file holds
 * the payloads of test/fixtures/xss-payloads.json in every text field. The
 * hover, the sidebar and the Review Checklist must show them as text: no
 * script runs, no element or link from a payload exists, no remote image loads.
 * Where VS Code renders `$(icon)` syntax (CodeLens, quick pick), the payload
 * `$(alert) $(zap~spin) theme icons` must show as written, not as icons.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { gitIn, writeIn } from '../integration/checklist/gitRepository';
import {
  checklistPane,
  fixtureFolder,
  hoverText,
  openFile,
  retry,
  runCommand,
  useWorkbench,
} from './workbench';

const IMG = '<img src=x onerror="window.__outsideInXss=1">';
const SCRIPT = '<script>window.__outsideInXss=1</script>';
const COMMAND_LINK = '[click](command:workbench.action.quit)';
const REMOTE_IMAGE = '![img](https://example.com/x.png)';
const JS_LINK = '[x](javascript:window.__outsideInXss=1)';
const SVG = '<svg onload="window.__outsideInXss=1"></svg>';
const IFRAME = '<iframe src="javascript:window.__outsideInXss=1"></iframe>';
/** Title of xss-13 and quote of xss-12; src/icons.ts has a CodeLens for each. */
const ICONS = '$(alert) $(zap~spin) theme icons';

/** Commits the fixture and adds an uncommitted file annotated with xss-01, for the checklist. */
function makeRepository(): void {
  const folder = fixtureFolder('xss');
  if (fs.existsSync(path.join(folder, '.git'))) return;
  gitIn(folder, 'init', '-q', '-b', 'main');
  gitIn(folder, 'add', '-A');
  gitIn(folder, 'commit', '-q', '-m', 'Hostile needs');
  writeIn(folder, 'src/changed.ts', '// @need xss-01\nexport const changed = true;\n');
}

interface Traces {
  flag: string;
  elements: string[];
}

/** What a payload that got through would leave, in every frame (webviews are frames). */
async function traces(page: Page): Promise<Traces[]> {
  // Runs in the browser; a string, because this project's TypeScript has no DOM types.
  // Only what the payloads would leave: the workbench has command: links of its own.
  const script = `(() => {
    const elements = [];
    for (const e of document.querySelectorAll('*')) {
      const tag = e.tagName.toLowerCase();
      const src = e.getAttribute('src') || '';
      if (tag === 'img' && (src === 'x' || src.startsWith('https://example.com'))) elements.push('img ' + src);
      if (tag === 'script' && (e.textContent || '').includes('__outsideInXss')) elements.push('script');
      for (const a of e.attributes) {
        const v = a.value;
        const active = a.name.startsWith('on') || ['src', 'href', 'data-href', 'data', 'srcdoc'].includes(a.name);
        if (active && (v.includes('__outsideInXss') || v.includes('workbench.action.quit')))
          elements.push(tag + ' ' + a.name + '=' + v.slice(0, 80));
      }
    }
    return { flag: typeof window.__outsideInXss, elements };
  })()`;
  const out: Traces[] = [];
  for (const frame of page.frames()) {
    try {
      out.push((await frame.evaluate(script)) as Traces);
    } catch {
      // A frame that went away while we looked: nothing ran in it that we could see.
    }
  }
  return out;
}

async function assertNothingRan(page: Page, where: string): Promise<void> {
  for (const t of await traces(page)) {
    assert.equal(t.flag, 'undefined', `window.__outsideInXss was set (${where})`);
    assert.deepEqual(t.elements, [], `payload elements in the DOM (${where})`);
  }
}

suite('UI: hostile needs text is shown as text', () => {
  const workbenchPage = useWorkbench('xss', () => makeRepository());

  test('the hover shows the payloads literally and runs none of them', async () => {
    const page = workbenchPage();
    // Quick Open finds files once the workbench has indexed them: slow on a busy machine.
    await retry(
      async () => {
        await page.keyboard.press('Escape');
        await openFile(page, 'hostile.ts');
      },
      'hostile.ts to open',
      90_000,
    );
    // A need's hover: quote, title, persona, signals, review questions (payloads i+1, i, i+7, i+5, i+6).
    const first = await hoverText(page, 'xss-01', IMG);
    for (const payload of [IMG, SCRIPT, SVG, IFRAME]) assert.ok(first.includes(payload), first);
    await assertNothingRan(page, 'hover of xss-01');
    const hover = page.locator('.monaco-hover:not(.hidden)').first();
    // The only link a hover may hold is our own "open the need".
    const hrefs = await hover
      .locator('a')
      .evaluateAll((as) =>
        as.map((a) => (a as unknown as { dataset: { href?: string } }).dataset.href ?? ''),
      );
    for (const href of hrefs) assert.ok(href === '' || href.startsWith('command:outside'), href);

    const second = await hoverText(page, 'xss-02', SCRIPT);
    assert.ok(second.includes(COMMAND_LINK), second);
    await assertNothingRan(page, 'hover of xss-02');
    const fourth = await hoverText(page, 'xss-04', JS_LINK);
    assert.ok(fourth.includes(REMOTE_IMAGE), fourth);
    await assertNothingRan(page, 'hover of xss-04');
    await page.mouse.move(5, 5);
  });

  test('the sidebar lists the needs with their titles as text', async () => {
    const page = workbenchPage();
    const icon = page.locator('.part.activitybar [aria-label^="Outside-In"]').first();
    await icon.waitFor({ timeout: 60_000 });
    await icon.click();
    const sidebar = page.locator('.part.sidebar');
    const row = sidebar.locator('.monaco-list-row', { hasText: IMG }).first();
    await row.waitFor({ timeout: 30_000 });
    const text = await row.innerText();
    assert.ok(text.includes(IMG), text);
    await sidebar
      .locator('.monaco-list-row', { hasText: COMMAND_LINK })
      .first()
      .waitFor({ timeout: 10_000 });
    assert.equal(await sidebar.locator('.monaco-list-row a[href]').count(), 0);
    await assertNothingRan(page, 'sidebar');
  });

  test('the Review Checklist of a change shows its need as text', async () => {
    const page = workbenchPage();
    await runCommand(page, 'Outside-In: Review Checklist');
    const pick = page.locator('.quick-input-list .monaco-list-row', {
      hasText: 'Uncommitted changes',
    });
    await pick.first().waitFor({ timeout: 30_000 });
    await pick.first().click();
    // The change touches xss-01: its title and the customer's words head the checklist.
    const rows = checklistPane(page).locator('.monaco-list-row');
    const title = rows.filter({ hasText: IMG }).first();
    await title.waitFor({ timeout: 30_000 });
    assert.ok((await title.innerText()).includes(IMG));
    const quote = rows.filter({ hasText: SCRIPT }).first();
    await quote.waitFor({ timeout: 10_000 });
    assert.ok((await quote.innerText()).includes(SCRIPT));
    await assertNothingRan(page, 'checklist');
  });

  test('a CodeLens title shows $(icon) syntax from the needs file as written', async () => {
    const page = workbenchPage();
    await retry(
      async () => {
        await page.keyboard.press('Escape');
        await openFile(page, 'icons.ts');
      },
      'icons.ts to open',
      90_000,
    );
    // Lenses sit above functions: they come once TypeScript's server has the symbols.
    // Wait for text that shows either way, then look at how it was rendered.
    const lens = page.locator('.codelens-decoration', { hasText: 'theme icons (high)' }).first();
    await lens.waitFor({ timeout: 90_000 });
    assert.equal((await lens.innerText()).trim(), `Customer needs: ${ICONS} (high)`);
    assert.equal(await lens.locator('.codicon').count(), 0, 'a payload icon in the CodeLens');
    assert.equal(await page.locator('.codelens-decoration .codicon').count(), 0);
  });

  test('the quick pick a CodeLens opens lists the needs with $(icon) syntax as written', async () => {
    const page = workbenchPage();
    // iconQuote's lens: xss-12 (title "# heading", quote ICONS) and xss-13 (title ICONS).
    const lens = page.locator('.codelens-decoration a', { hasText: '# heading (high) +1' }).first();
    await lens.waitFor({ timeout: 60_000 });
    const widget = page.locator('.quick-input-widget');
    const rows = widget.locator('.quick-input-list .monaco-list-row');
    await retry(
      async () => {
        await page.keyboard.press('Escape');
        await lens.click();
        await rows.filter({ hasText: 'xss-13' }).first().waitFor({ timeout: 5_000 });
      },
      'the needs quick pick',
      60_000,
    );
    // Label, description and detail, each a highlighted label: as the needs file has them.
    const fields = (id: string): Promise<string[]> =>
      rows.filter({ hasText: id }).first().locator('.monaco-highlighted-label').allInnerTexts();
    assert.deepEqual(await fields('xss-12'), ['# heading', 'high · xss-12', `“${ICONS}”`]);
    assert.deepEqual(await fields('xss-13'), [
      ICONS,
      'high · xss-13',
      '“&lt;b&gt;entity&lt;/b&gt; &amp; &#60;script&#62;”',
    ]);
    assert.equal(
      await widget.locator('.monaco-list-row .monaco-highlighted-label .codicon').count(),
      0,
      'a payload icon in the quick pick',
    );
    await assertNothingRan(page, 'quick pick');
    await page.keyboard.press('Escape');
    await widget.locator('.quick-input-list').waitFor({ state: 'hidden', timeout: 10_000 });
  });
});
