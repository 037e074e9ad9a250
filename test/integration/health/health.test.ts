import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { HealthNode, HealthTreeProvider } from '../../../src/vscode/health/healthTree';
import { activeApi, EXTENSION_ID, workspaceUri } from '../helpers';

// Its own session, since it makes the workspace a git repository. Written by
// hand from test/fixtures/workspaces/sidebar: five needs that are not
// retired (high fast-checkout and saved-cards, medium clear-total and
// search-typos, low refund-status); only search-typos has no code, so 11 of 13
// priority points are covered (84%, rounded down). src/plain.ts is the one
// source file no need relates to.

function label(tree: HealthTreeProvider, node: HealthNode): string {
  const l = tree.getTreeItem(node).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

function git(...args: string[]): void {
  execFileSync('git', args, { cwd: workspaceUri().fsPath, stdio: 'pipe' });
}

function cliCoverage(): {
  needs: { id: string; files: number }[];
  uncovered: string[];
  weightedCoverage: number;
  hotspots: { file: string; commits: number }[];
} {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const out = execFileSync(
    process.execPath,
    [
      path.join(extension.extensionPath, 'dist', 'cli.js'),
      'coverage',
      '--root',
      workspaceUri().fsPath,
      '--format',
      'json',
    ],
    { encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
  );
  return JSON.parse(out) as ReturnType<typeof cliCoverage>;
}

suite('Needs Health view', () => {
  let tree: HealthTreeProvider;

  suiteSetup(async () => {
    const api = await activeApi();
    await api.ready();
    tree = api.views.health;
  });

  test('weighted coverage, then the needs no code relates to', async () => {
    tree.refresh();
    const top = await tree.getChildren();
    assert.deepEqual(
      top.map((n) => label(tree, n)),
      ['Weighted coverage 84%', 'Needs no code relates to', 'Busy code no need relates to'],
    );
    assert.equal(tree.getTreeItem(top[0]!).description, '4 of 5 needs have code');
    const uncovered = await tree.getChildren(top[1]);
    assert.deepEqual(
      uncovered.map((n) => label(tree, n)),
      ['Search forgives typos'],
    );
    const open = tree.getTreeItem(uncovered[0]!).command;
    assert.equal(open?.command, 'outside-in.openNeed');
    assert.equal(open?.arguments?.[1], 'search-typos');
  });

  test('outside a git repository, busy code says it was not checked', async () => {
    tree.refresh();
    const busy = (await tree.getChildren())[2];
    const notes = await tree.getChildren(busy);
    assert.equal(notes.length, 1);
    assert.match(label(tree, notes[0]!), /^Not checked: /);
  });

  test('in a git repository: the busy file no need relates to, the same figures as the CLI', async () => {
    git('init', '-q');
    git('add', '-A');
    git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'all');
    tree.refresh();
    const [view] = await tree.reports();
    assert.ok(view);
    const busy = (await tree.getChildren())[2];
    const files = await tree.getChildren(busy);
    assert.deepEqual(
      files.map((n) => [label(tree, n), tree.getTreeItem(n).description]),
      [['src/plain.ts', '1 commit']],
    );
    const cli = cliCoverage();
    assert.deepEqual(
      view.report.needs.map((n) => [n.id, n.files]),
      cli.needs.map((n) => [n.id, n.files]),
    );
    assert.deepEqual(view.report.uncovered, cli.uncovered);
    assert.equal(view.report.weightedCoverage, cli.weightedCoverage);
    assert.deepEqual(view.report.hotspots, cli.hotspots);
    assert.deepEqual(cli.uncovered, ['search-typos']);
  });
});
