/**
 * The checklist fixture's git repository, made at test time in a copy of
 * test/fixtures/workspaces/checklist. No `vscode` here: the integration suites
 * make it from inside the extension host (repo.ts), the UI test
 * test/ui/restricted.test.ts from Node before it opens the workbench.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function gitIn(folder: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd: folder, env: GIT_ENV, encoding: 'utf8' });
}

export function writeIn(folder: string, relative: string, text: string): void {
  const file = path.join(folder, ...relative.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/**
 * main: the fixture as it is. feature (checked out): one commit that changes
 * src/checkout/pay.ts (a path of fast-checkout) and removes line 2 of
 * src/cart/summary.ts (the keyword "saved card" of saved-cards). Uncommitted
 * on top: src/search/query.ts changed (a path of search-finds) and an
 * untracked src/wrap.ts whose line 1 says "gift wrap" (gift-wrap).
 */
export function makeChecklistRepository(folder: string): void {
  gitIn(folder, 'init', '-q', '-b', 'main');
  gitIn(folder, 'add', '-A');
  gitIn(folder, 'commit', '-q', '-m', 'The shop');
  gitIn(folder, 'checkout', '-q', '-b', 'feature');
  writeIn(
    folder,
    'src/checkout/pay.ts',
    'export function pay(total: number): string {\n  // Rounded to cents.\n  return `paid ${total.toFixed(2)}`;\n}\n',
  );
  writeIn(folder, 'src/cart/summary.ts', '// The cart summary.\nexport const total = 0;\n');
  gitIn(folder, 'commit', '-q', '-am', 'Pay in cents; no saved-card hint');
  writeIn(folder, 'src/search/query.ts', "export const query = 'shoes';\n");
  writeIn(folder, 'src/wrap.ts', "export const label = 'Add gift wrap';\n");
}
