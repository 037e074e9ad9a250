import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeApi, positionOf, workspaceUri } from '../helpers';
import { brief, diagnosticsWhen, hoverTexts, lensesOf, open, ours, rangeText } from './util';

// packages/excluding/customer-needs.yaml of the `editor` fixture excludes
// `fixtures/**`. Its fixtures/old.ts holds the keywords of both needs files
// (`refund` of quick-refund; `saved card` and `wallet` of the root's needs)
// and an unknown `@need`; fixtures/customer-needs.yaml has an error. Its
// src/refunds.ts, not excluded, holds the same keyword and unknown id.
const EXCLUDED = 'packages/excluding/fixtures/old.ts';
const INCLUDED = 'packages/excluding/src/refunds.ts';

/** Every need title the sidebar lists. */
async function sidebarTitles(): Promise<string[]> {
  const tree = (await activeApi()).views.needsTree;
  const titles: string[] = [];
  for (const group of (await tree.getChildren()) ?? []) {
    for (const need of (await tree.getChildren(group)) ?? []) {
      const l = tree.getTreeItem(need).label;
      titles.push(typeof l === 'string' ? l : (l?.label ?? ''));
    }
  }
  return titles;
}

suite('A needs file that excludes a folder', () => {
  suiteSetup(async () => (await activeApi()).ready());

  test('a keyword in an excluded file has no hover; outside the folder it has one', async () => {
    const included = await hoverTexts(INCLUDED, 'refundNow', 1);
    assert.equal(included.texts.length, 1, JSON.stringify(included.texts));
    assert.ok(included.texts[0]?.includes('**Refunds come back quickly**'), included.texts[0]);

    assert.deepEqual((await hoverTexts(EXCLUDED, 'refundNow', 1)).texts, []);
    assert.deepEqual((await hoverTexts(EXCLUDED, 'savedCard', 1)).texts, []);
    assert.deepEqual((await hoverTexts(EXCLUDED, 'wallet', 1)).texts, []);
  });

  test('an unknown @need in an excluded file is no diagnostic', async () => {
    const excluded = await open(EXCLUDED);
    const included = await open(INCLUDED);
    // Both are checked when opened; the one outside the folder reports its id
    // ("  // @need " is 11 characters, "no-such-need" 12).
    const d = await diagnosticsWhen(included.uri, (d) => ours(d).length === 1, INCLUDED);
    assert.deepEqual(ours(d).map(brief), ['1:11-1:23 error unknown-need']);
    assert.deepEqual(ours(vscode.languages.getDiagnostics(excluded.uri)), []);
  });

  test('an excluded file gets no CodeLens', async () => {
    assert.ok(
      (await lensesOf(INCLUDED)).includes('0: Customer needs: Refunds come back quickly (medium)'),
    );
    assert.deepEqual(await lensesOf(EXCLUDED), []);
  });

  test('a needs file inside the folder is not read: no diagnostics, none of its needs in the sidebar', async () => {
    // The broken needs file of packages/broken has its diagnostics by now: ours would too.
    await diagnosticsWhen(
      workspaceUri('packages', 'broken', 'customer-needs.yaml'),
      (d) => ours(d).length > 0,
      'the diagnostics of packages/broken',
    );
    const inside = workspaceUri('packages', 'excluding', 'fixtures', 'customer-needs.yaml');
    assert.deepEqual(ours(vscode.languages.getDiagnostics(inside)), []);
    const titles = await sidebarTitles();
    assert.ok(titles.includes('Refunds come back quickly'), JSON.stringify(titles));
    assert.ok(!titles.includes('A need only a fixture has'), JSON.stringify(titles));
  });

  test('find references leaves the excluded file out', async () => {
    const document = await open('packages/excluding/customer-needs.yaml');
    const found = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      document.uri,
      positionOf(document, 'id: quick-refund', 6),
    );
    const places = found.map(
      (l) => `${vscode.workspace.asRelativePath(l.uri, false)} ${rangeText(l.range)}`,
    );
    // The id on line 6 (1-based); `refund` of refundNow after "export function ".
    assert.deepEqual(places.sort(), [
      'packages/excluding/customer-needs.yaml 5:8-5:20',
      'packages/excluding/src/refunds.ts 0:16-0:22',
    ]);
  });
});
