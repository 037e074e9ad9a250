/**
 * The Review Checklist command's questions: which repository, and what to
 * review. Quick picks and an input box, keyboard first.
 */
import * as vscode from 'vscode';
import { escapeIconSyntax } from '../../core/iconSyntax';
import { parseRange } from '../../core/changeChoice';
import type { ReviewChoice } from './target';

/**
 * The workspace folder to review: `wanted` (a folder's name or URI, as the
 * command's arguments give it), the only one, or the reviewer's pick.
 */
export async function pickFolder(wanted: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  if (wanted !== undefined) {
    const uri =
      wanted instanceof vscode.Uri
        ? wanted
        : typeof wanted === 'string' && wanted.includes(':')
          ? vscode.Uri.parse(wanted)
          : undefined;
    const found = uri
      ? vscode.workspace.getWorkspaceFolder(uri)
      : folders.find((f) => f.name === wanted);
    if (found !== undefined) return found;
  }
  if (folders.length === 0) {
    void vscode.window.showErrorMessage(
      'Outside-In: open a folder in a git repository to review a change.',
    );
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  const picked = await vscode.window.showQuickPick(
    // A folder's name and path are text from disk: `$(icon)` in them shows as written.
    folders.map((folder) => ({
      label: escapeIconSyntax(folder.name),
      description: escapeIconSyntax(folder.uri.fsPath),
      folder,
    })),
    {
      title: 'Review Checklist: which repository?',
      placeHolder: 'The workspace folder whose change to review',
    },
  );
  return picked?.folder;
}

/** What to review: the branch, uncommitted or staged changes, or a commit range. */
export async function pickChoice(
  remembered: ReviewChoice | undefined,
): Promise<ReviewChoice | undefined> {
  type Item = vscode.QuickPickItem & { choice?: ReviewChoice; typeRange?: true };
  const items: Item[] = [
    {
      label: '$(git-branch) Current branch',
      detail: 'Its commits against the merge-base with the default branch',
      choice: { mode: 'branch' },
    },
    {
      label: '$(edit) Uncommitted changes',
      detail: 'The working tree against HEAD, new files included',
      choice: { mode: 'uncommitted' },
    },
    {
      label: '$(diff-added) Staged changes',
      detail: 'The index against HEAD',
      choice: { mode: 'staged' },
    },
    {
      label: '$(git-compare) Commit range…',
      detail: 'Type BASE..HEAD or BASE...HEAD',
      typeRange: true,
    },
  ];
  if (remembered?.mode === 'range')
    items.splice(3, 0, {
      // Our icon, then the range as the user typed it: `$(...)` is valid in a ref name.
      label: `$(history) ${escapeIconSyntax(remembered.range)}`,
      detail: 'The commit range reviewed last',
      choice: remembered,
    });
  const last = items.find(
    (i) => i.choice !== undefined && JSON.stringify(i.choice) === JSON.stringify(remembered),
  );
  if (last !== undefined) last.description = 'last used';
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = 'Review Checklist: what to review?';
  pick.items = items;
  if (last !== undefined) pick.activeItems = [last];
  const chosen = await new Promise<Item | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  if (chosen?.typeRange !== true) return chosen?.choice;
  const range = await vscode.window.showInputBox({
    title: 'Review Checklist: commit range',
    prompt:
      'BASE...HEAD compares HEAD with its merge-base with BASE (like the CLI); BASE..HEAD compares HEAD with BASE',
    placeHolder: 'main...HEAD',
    value: remembered?.mode === 'range' ? remembered.range : 'main...HEAD',
    validateInput: (text) => {
      const parsed = parseRange(text);
      return 'error' in parsed ? parsed.error : undefined;
    },
  });
  return range === undefined ? undefined : { mode: 'range', range: range.trim() };
}
