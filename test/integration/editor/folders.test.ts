import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { activeApi, until, workspaceUri } from '../helpers';
import { diagnosticsWhen, ours } from './util';

const NEEDS = [
  'version: 1',
  'needs:',
  '  - id: moved-in-need',
  '    title: Needs from a moved-in folder',
  '    priority: medium',
  '    quote: "It was a present, it should look like one."',
  '',
].join('\n');

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

// VS Code reports a folder moved in or deleted as the folder alone, not as the
// needs files inside it: the store must notice anyway.
suite('A folder holding a needs file, moved in and deleted', () => {
  const folder = workspaceUri('gifts');
  const needsUri = workspaceUri('gifts', 'customer-needs.yaml');

  suiteTeardown(() => fs.rmSync(folder.fsPath, { recursive: true, force: true }));

  test('moved in, its needs load; deleted, they and their diagnostics go', async () => {
    const staged = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'outside-in-moved-')), 'gifts');
    fs.mkdirSync(staged);
    fs.writeFileSync(path.join(staged, 'customer-needs.yaml'), NEEDS);
    fs.renameSync(staged, folder.fsPath);

    await until(
      sidebarTitles,
      (t) => t.includes('Needs from a moved-in folder'),
      'the moved-in need',
    );
    // The need has no evidence: a warning on the needs file.
    await diagnosticsWhen(
      needsUri,
      (d) => ours(d).some((x) => x.message.includes('evidence')),
      'the moved-in file’s diagnostics',
    );

    fs.rmSync(folder.fsPath, { recursive: true });
    await until(
      sidebarTitles,
      (t) => !t.includes('Needs from a moved-in folder'),
      'the need to go',
    );
    const left = await diagnosticsWhen(needsUri, (d) => ours(d).length === 0, 'no diagnostics');
    assert.deepEqual(ours(left), []);
  });
});
