/** The checklist suite's git repository, made at test time inside the workspace copy. */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const GIT_ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Fixture',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
};

export function folderPath(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder === undefined) throw new Error('No workspace folder.');
  return folder.uri.fsPath;
}

export function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: folderPath(), env: GIT_ENV, encoding: 'utf8' });
}

export function write(relative: string, text: string): void {
  const file = path.join(folderPath(), ...relative.split('/'));
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
export function makeRepository(): void {
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'The shop');
  git('checkout', '-q', '-b', 'feature');
  write(
    'src/checkout/pay.ts',
    'export function pay(total: number): string {\n  // Rounded to cents.\n  return `paid ${total.toFixed(2)}`;\n}\n',
  );
  write('src/cart/summary.ts', '// The cart summary.\nexport const total = 0;\n');
  git('commit', '-q', '-am', 'Pay in cents; no saved-card hint');
  write('src/search/query.ts', "export const query = 'shoes';\n");
  write('src/wrap.ts', "export const label = 'Add gift wrap';\n");
}
