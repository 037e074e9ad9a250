/**
 * "Create a needs file": writes the commented starter `customer-needs.yaml` at
 * the root of a workspace folder (asking which when there are several) and
 * opens it. An existing needs file is never overwritten: it is opened instead.
 * Also keeps the context keys the welcome view shows on.
 */
import * as vscode from 'vscode';
import { NEEDS_FILE_PREFERENCE } from '../../core/needsFileChoice';
import { starterNeedsFile } from '../../core/starterNeeds';
import { Command, ContextKey } from '../ids';
import type { NeedsStore } from '../needsStore';

const STARTER_NAME = 'customer-needs.yaml';

export function registerCreateNeedsFile(store: NeedsStore): vscode.Disposable {
  const setKeys = async (): Promise<void> => {
    await store.ready();
    await vscode.commands.executeCommand(
      'setContext',
      ContextKey.HasNeedsFile,
      store.loaded.length > 0,
    );
    // Set once the first load finished, so the welcome does not flash while loading.
    await vscode.commands.executeCommand('setContext', ContextKey.NeedsLoaded, true);
  };
  void setKeys();
  return vscode.Disposable.from(
    store.onDidChange(() => void setKeys()),
    vscode.commands.registerCommand(Command.CreateNeedsFile, (folder?: unknown) =>
      createNeedsFile(store, folder),
    ),
  );
}

/** Creates (or, when one exists, opens) the needs file; resolves to its URI, or undefined if cancelled. */
async function createNeedsFile(
  store: NeedsStore,
  folderArg?: unknown,
): Promise<vscode.Uri | undefined> {
  const folder = await chooseFolder(folderArg);
  if (folder === undefined) return undefined;
  const existing = await firstExisting(folder);
  if (existing !== undefined) {
    await vscode.window.showTextDocument(existing);
    void vscode.window.showInformationMessage(
      `${vscode.workspace.asRelativePath(existing, true)} already exists: opened it, nothing was written.`,
    );
    return existing;
  }
  const uri = vscode.Uri.joinPath(folder.uri, STARTER_NAME);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starterNeedsFile()));
  // The file watcher would notice too, seconds later; the welcome view should go now.
  await store.reload();
  await vscode.window.showTextDocument(uri);
  return uri;
}

async function chooseFolder(arg: unknown): Promise<vscode.WorkspaceFolder | undefined> {
  if (arg instanceof vscode.Uri) return vscode.workspace.getWorkspaceFolder(arg);
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(
      'Open a folder first: the needs file lives at the root of a workspace folder.',
    );
    return undefined;
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({
    placeHolder: 'Which folder gets the customer needs file?',
  });
}

async function firstExisting(folder: vscode.WorkspaceFolder): Promise<vscode.Uri | undefined> {
  for (const name of NEEDS_FILE_PREFERENCE) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    try {
      await vscode.workspace.fs.stat(uri);
      return uri;
    } catch {
      // Not there: try the next name.
    }
  }
  return undefined;
}
